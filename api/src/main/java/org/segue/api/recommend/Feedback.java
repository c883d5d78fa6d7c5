package org.segue.api.recommend;

import java.time.Instant;
import java.util.Objects;

import org.segue.api.library.TrackId;

/**
 * One signal from a user about a track.
 *
 * @param userId the user, non-blank
 * @param track the track
 * @param kind what happened
 * @param value its measure, {@code 0..1}, as {@link FeedbackKind} defines per kind
 * @param time when it happened
 */
public record Feedback(String userId, TrackId track, FeedbackKind kind, double value, Instant time) {

    /** Validates. */
    public Feedback {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("value must be in [0,1]: " + value);
        }
    }
}
