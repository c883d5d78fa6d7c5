package org.segue.plugin.server.http.internal.play;

import java.util.List;
import java.util.Optional;

import org.segue.api.play.ChallengeDescriptor;

/**
 * Challenge ids in URL paths. Ids carry a revision after a slash ({@code segue.challenge.vote-2026-11-23/1}),
 * and a slash, even encoded as {@code %2F}, cannot travel inside one path segment: Jetty refuses
 * an encoded slash as ambiguous, a plain one is two segments. So paths write it as {@code ~}, a
 * character ids do not use; the plain id is accepted too, for ids without a slash.
 */
final class ChallengePaths {

    private ChallengePaths() {
    }

    static String path(String id) {
        return id.replace('/', '~');
    }

    /** The installed challenge a path segment names. */
    static Optional<ChallengeDescriptor> find(String segment, List<ChallengeDescriptor> installed) {
        for (ChallengeDescriptor d : installed) {
            if (d.id().equals(segment) || path(d.id()).equals(segment)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
