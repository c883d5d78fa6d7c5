package org.segue.api.style;

import java.util.Objects;

/**
 * The master tempo during a transition: {@code fromBpm} until {@code startBeat}, then a ramp to
 * {@code toBpm} at {@code endBeat}, held after. A constant tempo has equal ends.
 *
 * @param fromBpm the tempo at the start, positive and finite
 * @param toBpm the tempo at the end, positive and finite
 * @param startBeat where the ramp starts, finite, {@code >= 0}
 * @param endBeat where it ends, finite, {@code >= startBeat}
 * @param shape the curve
 */
public record TempoRamp(double fromBpm, double toBpm, double startBeat, double endBeat, RampShape shape) {

    /** Validates. */
    public TempoRamp {
        if (!(fromBpm > 0 && fromBpm < Double.POSITIVE_INFINITY && toBpm > 0 && toBpm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bpm must be positive and finite: " + fromBpm + " -> " + toBpm);
        }
        if (!(startBeat >= 0 && endBeat >= startBeat && endBeat < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("need 0 <= startBeat <= endBeat < infinity: " + startBeat + ".." + endBeat);
        }
        Objects.requireNonNull(shape, "shape");
    }

    /** A constant tempo. */
    public static TempoRamp constant(double bpm) {
        return new TempoRamp(bpm, bpm, 0, 0, RampShape.LINEAR);
    }

    /** The tempo at a beat of the transition. */
    public double bpmAt(double beat) {
        if (beat <= startBeat) {
            return fromBpm;
        }
        if (beat >= endBeat) {
            return toBpm;
        }
        return shape.interpolate(fromBpm, toBpm, (beat - startBeat) / (endBeat - startBeat));
    }
}
