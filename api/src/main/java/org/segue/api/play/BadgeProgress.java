package org.segue.api.play;

import java.time.Instant;
import java.util.Map;
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
 * @param state the badge's own small memory beyond {@code count}, e.g. the distinct genres seen as
 *        keys; copied, never {@code null}; at most {@link #MAX_STATE} entries (since 1.1)
 */
public record BadgeProgress(String badgeId, String userId, double fraction, long count, Instant earnedAt,
        Map<String, String> state) {

    /**
     * The most entries {@link #state} may hold: the host stores progress per user and badge, so a
     * badge that needs to remember more should count instead.
     */
    public static final int MAX_STATE = 256;

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
        state = state == null ? Map.of() : Map.copyOf(state);
        if (state.size() > MAX_STATE) {
            throw new IllegalArgumentException("state holds " + state.size() + " entries, at most " + MAX_STATE);
        }
    }

    /** Progress without state, as in version 1.0. */
    public BadgeProgress(String badgeId, String userId, double fraction, long count, Instant earnedAt) {
        this(badgeId, userId, fraction, count, earnedAt, Map.of());
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
