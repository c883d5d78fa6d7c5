package org.segue.api.analysis;

/**
 * A stretch of constant tempo within a track, lasting until the next segment starts.
 *
 * @param startSeconds where the segment starts, finite and {@code >= 0}
 * @param bpm beats per minute, positive and finite
 */
public record TempoSegment(double startSeconds, double bpm) {

    /** Validates the ranges. */
    public TempoSegment {
        if (!(startSeconds >= 0 && startSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("startSeconds must be finite and >= 0: " + startSeconds);
        }
        if (!(bpm > 0 && bpm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bpm must be positive and finite: " + bpm);
        }
    }
}
