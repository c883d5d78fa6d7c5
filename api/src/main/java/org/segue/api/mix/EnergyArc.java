package org.segue.api.mix;

/** The shape of energy a set should follow from its first track to its last. */
public enum EnergyArc {
    /** Low to a peak about two thirds in, then down: the classic club night. */
    WARM_UP_PEAK_COOL_DOWN,
    /** Ever higher energy. */
    RISING,
    /** Ever lower energy: an after-hours or wind-down set. */
    FALLING,
    /** Energy held level. */
    STEADY,
    /** Rises and falls twice. */
    WAVE;

    /**
     * The target energy, 0..1, at a position {@code x} in 0..1 through the set.
     *
     * @throws IllegalArgumentException when {@code x} is outside 0..1
     */
    public double target(double x) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("position must be within 0..1: " + x);
        }
        return switch (this) {
            case WARM_UP_PEAK_COOL_DOWN -> x <= 2.0 / 3 ? 0.2 + 0.8 * x * 1.5 : 1.0 - 0.6 * (x - 2.0 / 3) * 3;
            case RISING -> 0.2 + 0.8 * x;
            case FALLING -> 1.0 - 0.8 * x;
            case STEADY -> 0.6;
            case WAVE -> 0.55 - 0.35 * Math.cos(4 * Math.PI * x);
        };
    }
}
