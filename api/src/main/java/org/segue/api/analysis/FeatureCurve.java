package org.segue.api.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * A feature sampled at a fixed hop over a track: energy, onset strength, danceability… Value
 * {@code i} describes time {@code startSeconds + i * hopSeconds}.
 *
 * <p>Floats, not doubles: curves are long (a 10-minute track at a 10 ms hop has 60,000 frames) and
 * their precision is far below float's.
 *
 * <p>Immutable: the array is copied in and out. Prefer {@link #value(int)} and {@link #size()} in
 * loops.
 *
 * @param name what the values are, e.g. {@code "energy"}
 * @param startSeconds the time of the first value, finite and {@code >= 0}
 * @param hopSeconds the time between values, finite and {@code > 0}
 * @param values at least one value, all finite
 */
public record FeatureCurve(String name, double startSeconds, double hopSeconds, float[] values) {

    /** Validates and copies. */
    public FeatureCurve {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (!(startSeconds >= 0 && startSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("startSeconds must be finite and >= 0: " + startSeconds);
        }
        if (!(hopSeconds > 0 && hopSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("hopSeconds must be finite and > 0: " + hopSeconds);
        }
        values = values.clone();
        if (values.length == 0) {
            throw new IllegalArgumentException("values must not be empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
            }
        }
    }

    /** A copy of the values. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /**
     * One value.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    public float value(int index) {
        return values[Objects.checkIndex(index, values.length)];
    }

    /** The time of the last value. */
    public double endSeconds() {
        return startSeconds + (values.length - 1) * hopSeconds;
    }

    /**
     * The value at a time, interpolated linearly between neighbouring values and held flat before
     * the first and after the last.
     *
     * @throws IllegalArgumentException if {@code seconds} is NaN
     */
    public double valueAt(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("seconds is NaN");
        }
        double position = (seconds - startSeconds) / hopSeconds;
        if (position <= 0) {
            return values[0];
        }
        if (position >= values.length - 1) {
            return values[values.length - 1];
        }
        int index = (int) position;
        double fraction = position - index;
        return values[index] + (values[index + 1] - values[index]) * fraction;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureCurve that
                && name.equals(that.name)
                && Double.compare(startSeconds, that.startSeconds) == 0
                && Double.compare(hopSeconds, that.hopSeconds) == 0
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, startSeconds, hopSeconds, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "FeatureCurve[name=" + name + ", startSeconds=" + startSeconds + ", hopSeconds=" + hopSeconds
                + ", values=" + values.length + "]";
    }
}
