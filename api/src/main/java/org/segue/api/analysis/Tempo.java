package org.segue.api.analysis;

/**
 * The main tempo of a track.
 *
 * @param bpm beats per minute, positive and finite
 * @param confidence how sure the analyzer is, {@code 0..1}
 */
public record Tempo(double bpm, double confidence) {

    /** Validates the ranges. */
    public Tempo {
        if (!(bpm > 0 && bpm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bpm must be positive and finite: " + bpm);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
    }
}
