package org.segue.api.play;

import java.util.Objects;

/**
 * One user's standing in one challenge, stored by the host and ranked on its leaderboard.
 *
 * @param challengeId the challenge's {@link Challenge#ID}
 * @param userId the user
 * @param score the leaderboard score, finite, {@code >= 0}, higher is better
 * @param completed whether the user has met the challenge's goal
 */
public record ChallengeProgress(String challengeId, String userId, double score, boolean completed) {

    /** Validates. */
    public ChallengeProgress {
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(userId, "userId");
        if (!(score >= 0 && score < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("score must be finite and >= 0: " + score);
        }
    }

    /** No progress yet: what the host passes with a user's first event. */
    public static ChallengeProgress initial(String challengeId, String userId) {
        return new ChallengeProgress(challengeId, userId, 0, false);
    }
}
