package org.segue.api.style;

import java.util.Objects;

/**
 * A value an automated parameter reaches at a beat, and how it moves on to the next point.
 *
 * @param beat beats from the start of the transition, finite and {@code >= 0}; fractions allowed
 * @param value the parameter's plain value (e.g. {@code -26} dB), finite
 * @param shapeToNext the curve towards the next point; ignored on the last point
 */
public record AutomationPoint(double beat, double value, RampShape shapeToNext) {

    /** Validates. */
    public AutomationPoint {
        if (!(beat >= 0 && beat < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("beat must be finite and >= 0: " + beat);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        Objects.requireNonNull(shapeToNext, "shapeToNext");
    }
}
