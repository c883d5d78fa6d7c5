package org.segue.plugin.server.http.internal.play;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.segue.api.play.PlayStatistics;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * One challenge's entries as the play engine keeps them (who entered which mix, who voted for
 * each), in the shape the routes ask about. Immutable, so one read serves a whole request.
 */
final class Entries {

    /** One entered mix. */
    record Entry(String author, String mixId, Instant enteredAt, double durationSeconds, int trackCount) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Set<String>> voters = new HashMap<>();
    private final Map<String, String> pseudonyms = new HashMap<>();

    private Entries() {
    }

    /** The entries of challenge {@code challengeId}, first entered first. */
    static Entries of(PlayStatistics statistics, String challengeId) {
        Entries out = new Entries();
        for (PlayStatistics.ChallengeEntry e : statistics.entries(challengeId)) {
            out.entries.add(new Entry(e.author(), e.mixId(), e.enteredAt(), e.durationSeconds(), e.trackCount()));
            out.voters.put(e.mixId(), e.voters());
            out.pseudonyms.put(e.author(), e.pseudonym());
        }
        return out;
    }

    /** The pseudonym a user is on the leaderboards under, or {@code null} when they are not. */
    static String pseudonym(List<UserEvent> history) {
        String name = null;
        for (UserEvent e : history) {
            if (e.type().equals(UserEventTypes.LEADERBOARD_JOINED)) {
                name = e.attributes().get(UserEventTypes.PSEUDONYM);
            } else if (e.type().equals(UserEventTypes.LEADERBOARD_LEFT)) {
                name = null;
            }
        }
        return name;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entry of a mix, or {@code null} when it was not entered. */
    Entry entry(String mixId) {
        for (Entry e : entries) {
            if (e.mixId().equals(mixId)) {
                return e;
            }
        }
        return null;
    }

    int votes(String mixId) {
        return voters.getOrDefault(mixId, Set.of()).size();
    }

    boolean voted(String user, String mixId) {
        return voters.getOrDefault(mixId, Set.of()).contains(user);
    }

    String pseudonymOf(String user) {
        return pseudonyms.get(user);
    }
}
