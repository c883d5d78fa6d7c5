package org.segue.api.recommend;

import java.util.Objects;

import org.segue.api.library.TrackId;

/**
 * One recommended track.
 *
 * @param track the track
 * @param score how good a fit, {@code 0..1}; on a common scale so the runtime can merge several
 *        recommenders' answers
 * @param explanation a short reason for the user, e.g. "Same key (8A) and tempo as your last
 *        track"; never {@code null}
 */
public record Recommendation(TrackId track, double score, String explanation) {

    /** Validates. */
    public Recommendation {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(explanation, "explanation");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0,1]: " + score);
        }
    }
}
