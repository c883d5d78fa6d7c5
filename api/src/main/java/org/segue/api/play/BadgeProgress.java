package org.segue.api.play;

import java.time.Instant;
import java.util.Objects;

/**
 * One user's progress towards one badge, stored by the host.
 *
 * @param badgeId the badge's {@link Badge#ID}
 * @param userId the user
 * @param fraction how far towards earning it, {@code 0..1}; {@code 1} once earned
 * @param count the badge's own counter (events counted, streak length…), {@code >= 0}
 * @param earnedAt the time of the event that earned it (not the wall clock, so replays give the
 *        same result), or {@code null} until earned
 */
public record BadgeProgress(String badgeId, String userId, double fraction, long count, Instant earnedAt) {

    /** Validates. */
    public BadgeProgress {
        Objects.requireNonNull(badgeId, "badgeId");
        Objects.requireNonNull(userId, "userId");
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0,1]: " + fraction);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        if (earnedAt != null && fraction != 1) {
            throw new IllegalArgumentException("an earned badge has fraction 1: " + fraction);
        }
    }

    /** No progress yet: what the host passes with a user's first event. */
    public static BadgeProgress initial(String badgeId, String userId) {
        return new BadgeProgress(badgeId, userId, 0, 0, null);
    }

    /** True once the badge is earned. */
    public boolean earned() {
        return earnedAt != null;
    }
}
