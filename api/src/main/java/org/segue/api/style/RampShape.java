package org.segue.api.style;

/**
 * How a value moves from one point to the next. The curves are defined here, in
 * {@link #interpolate}, so that the engine, previews and the editor's drawing agree exactly.
 * Constant names are stored; never rename.
 */
public enum RampShape {
    /** A straight line. */
    LINEAR,
    /** Ease in and out (smoothstep, {@code 3t² − 2t³}): no audible corner at either end. */
    S_CURVE,
    /** Keep the value, then jump to the next point's value when it is reached: cuts and switches. */
    HOLD,
    /**
     * Equal ratios in equal time ({@code from · (to/from)^t}): filter sweeps and tempo, which the
     * ear hears logarithmically. Needs both ends non-zero with the same sign.
     */
    EXPONENTIAL;

    /**
     * The value a fraction of the way from one point to the next.
     *
     * @param from the value at the start point
     * @param to the value at the next point
     * @param fraction how far along, clamped to {@code 0..1}
     * @return the value; for {@link #EXPONENTIAL} with ends of opposite signs or zero, which plans
     *         reject, the linear value
     */
    public double interpolate(double from, double to, double fraction) {
        double t = Math.min(1, Math.max(0, fraction));
        return switch (this) {
            case LINEAR -> from + (to - from) * t;
            case S_CURVE -> from + (to - from) * (t * t * (3 - 2 * t));
            case HOLD -> t < 1 ? from : to;
            case EXPONENTIAL -> from * to > 0 ? from * Math.pow(to / from, t) : from + (to - from) * t;
        };
    }
}
