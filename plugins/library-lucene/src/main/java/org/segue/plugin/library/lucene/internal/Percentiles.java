package org.segue.plugin.library.lucene.internal;

import java.util.Arrays;

/** Latency percentiles by the nearest-rank method: no interpolation, always a measured value. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The p-th percentile of measurements sorted ascending: the smallest value such that at least
     * p % of the measurements are less than or equal to it, i.e. element {@code ceil(p/100 · n)}
     * counting from 1 (and the first element for p = 0).
     *
     * @throws IllegalArgumentException when there are no values or p is outside 0..100
     */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in 0..100: " + p);
        }
        // p/100·n computed as p·n/100 so that 99 % of 2000 is exactly 1980, not 1980.0000000000002
        long rank = (long) Math.ceil(p * sorted.length / 100);
        return sorted[(int) Math.max(0, rank - 1)];
    }

    /** Sorts a copy and returns the given percentiles, in order. */
    static long[] of(long[] values, double... ps) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long[] result = new long[ps.length];
        for (int i = 0; i < ps.length; i++) {
            result[i] = percentile(sorted, ps[i]);
        }
        return result;
    }
}
