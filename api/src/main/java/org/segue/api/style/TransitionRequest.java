package org.segue.api.style;

import java.util.Objects;

import org.segue.api.analysis.AnalysisResults;

/**
 * What a planner asks a {@link DjStyle} for: a transition between two analysed tracks.
 *
 * @param outgoing the analysis of the track being mixed out
 * @param incoming the analysis of the track being mixed in
 * @param preferredLengthBars the user's preferred length in bars, {@code >= 1}, or {@code null} to
 *        let the style choose; a style may deviate and say why in the explanation
 * @param targetBpm the master tempo the set wants when the transition ends, positive and finite
 */
public record TransitionRequest(AnalysisResults outgoing, AnalysisResults incoming, Integer preferredLengthBars,
        double targetBpm) {

    /** Validates. */
    public TransitionRequest {
        Objects.requireNonNull(outgoing, "outgoing");
        Objects.requireNonNull(incoming, "incoming");
        if (preferredLengthBars != null && preferredLengthBars < 1) {
            throw new IllegalArgumentException("preferredLengthBars must be >= 1: " + preferredLengthBars);
        }
        if (!(targetBpm > 0 && targetBpm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("targetBpm must be positive and finite: " + targetBpm);
        }
    }
}
