package org.segue.api.library;

/**
 * A closed interval {@code [min, max]} for searching; infinite ends make it open-ended.
 *
 * @param min the lower bound, not NaN
 * @param max the upper bound, not NaN, {@code >= min}
 */
public record Range(double min, double max) {

    /** Validates. */
    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("need min <= max: " + min + ".." + max);
        }
    }

    /** True when {@code min <= value <= max}. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
