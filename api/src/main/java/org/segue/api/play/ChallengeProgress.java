package org.segue.api.play;

import java.util.Map;
import java.util.Objects;

/**
 * One user's standing in one challenge, stored by the host and ranked on its leaderboard.
 *
 * @param challengeId the challenge's {@link Challenge#ID}
 * @param userId the user
 * @param score the leaderboard score, finite, {@code >= 0}, higher is better
 * @param completed whether the user has met the challenge's goal
 * @param state the challenge's own small memory, e.g. when the user joined; copied, never
 *        {@code null}; at most {@link BadgeProgress#MAX_STATE} entries (since 1.1)
 */
public record ChallengeProgress(String challengeId, String userId, double score, boolean completed,
        Map<String, String> state) {

    /** Validates. */
    public ChallengeProgress {
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(userId, "userId");
        if (!(score >= 0 && score < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("score must be finite and >= 0: " + score);
        }
        state = state == null ? Map.of() : Map.copyOf(state);
        if (state.size() > BadgeProgress.MAX_STATE) {
            throw new IllegalArgumentException("state holds " + state.size() + " entries, at most "
                    + BadgeProgress.MAX_STATE);
        }
    }

    /** Progress without state, as in version 1.0. */
    public ChallengeProgress(String challengeId, String userId, double score, boolean completed) {
        this(challengeId, userId, score, completed, Map.of());
    }

    /** No progress yet: what the host passes with a user's first event. */
    public static ChallengeProgress initial(String challengeId, String userId) {
        return new ChallengeProgress(challengeId, userId, 0, false);
    }
}
