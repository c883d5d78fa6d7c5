package org.segue.api.mix;

/**
 * What a set should be like.
 *
 * @param arc the energy shape from first to last track
 * @param maxPitchShiftSemitones how far a track may be pitch-shifted to fit harmonically (0 = never)
 * @param firstTrackId the track to open with, or {@code null} to let the planner choose
 * @param seed for planners that search randomly: the same seed gives the same order
 */
public record SetRequest(EnergyArc arc, double maxPitchShiftSemitones, String firstTrackId, long seed) {
    public SetRequest {
        if (arc == null) {
            throw new IllegalArgumentException("arc must not be null");
        }
        if (!(maxPitchShiftSemitones >= 0 && maxPitchShiftSemitones <= 6)) {
            throw new IllegalArgumentException("maxPitchShiftSemitones must be within 0..6: " + maxPitchShiftSemitones);
        }
    }

    /**
     * A club-night arc, no pitch shift, free start, seed 1. Pitch shift is opt-in: a shifted track
     * stays shifted while it plays, which planners that judge each transition from the original
     * keys do not yet account for in the transition after it.
     */
    public static SetRequest defaults() {
        return new SetRequest(EnergyArc.WARM_UP_PEAK_COOL_DOWN, 0, null, 1);
    }
}
