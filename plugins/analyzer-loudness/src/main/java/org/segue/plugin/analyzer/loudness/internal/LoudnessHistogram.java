package org.segue.plugin.analyzer.loudness.internal;

/**
 * The gating blocks of a measurement (400 ms blocks for integrated loudness, 3 s windows for the
 * loudness range), kept as a histogram in 0.01 LU bins from the absolute gate (−70 LUFS) up to
 * +30 LUFS.
 *
 * <p>Why a histogram rather than a list of blocks: memory stays fixed (about 120 kB) however long
 * the stream, so a 24-hour live set costs the same as a jingle, and adding a block never allocates.
 * Each bin keeps the exact sum of its blocks' powers, so gated means are exact; only the decision
 * whether a block lies above the relative gate is quantised, to 0.005 LU at worst, which is 20 times
 * below the display precision of any meter.
 *
 * <p>Powers are the channel-weighted mean squares of BS.1770 ({@code sum G_i z_i}); loudness is
 * {@code -0.691 + 10 log10(power)}.
 */
final class LoudnessHistogram {

    static final double ABSOLUTE_GATE_LUFS = -70;
    private static final double TOP_LUFS = 30;
    private static final int BINS_PER_LU = 100;
    private static final int BINS = (int) ((TOP_LUFS - ABSOLUTE_GATE_LUFS) * BINS_PER_LU);

    private final int[] counts = new int[BINS];
    private final double[] powers = new double[BINS];
    private long total;

    /** Converts a weighted mean-square power to LUFS; {@code -Infinity} for zero power. */
    static double lufs(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    /** Adds one block; blocks at or below the absolute gate are dropped, as BS.1770 gates them. */
    void add(double power) {
        double loudness = lufs(power);
        if (!(loudness > ABSOLUTE_GATE_LUFS)) {
            return;
        }
        // Louder than +30 LUFS only happens with many full-scale channels: pooled in the top bin.
        int bin = Math.min(BINS - 1, (int) ((loudness - ABSOLUTE_GATE_LUFS) * BINS_PER_LU));
        counts[bin]++;
        powers[bin] += power;
        total++;
    }

    /** The number of blocks above the absolute gate. */
    long count() {
        return total;
    }

    /**
     * The first bin above a relative gate {@code offsetLu} below the power mean of all blocks
     * above the absolute gate; a bin counts as above when its centre is.
     */
    private int relativeGateBin(double offsetLu) {
        double sum = 0;
        for (int b = 0; b < BINS; b++) {
            sum += powers[b];
        }
        double gate = lufs(sum / total) + offsetLu;
        int bin = (int) Math.ceil((gate - ABSOLUTE_GATE_LUFS) * BINS_PER_LU - 0.5);
        return Math.max(0, Math.min(BINS, bin));
    }

    /**
     * Integrated loudness (BS.1770-4 §2.8): the power mean of the blocks above −70 LUFS and above
     * the relative gate 10 LU below their own mean.
     *
     * @return LUFS, or {@code -Infinity} when no block passes the absolute gate
     */
    double integrated() {
        if (total == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        long n = 0;
        for (int b = relativeGateBin(-10); b < BINS; b++) {
            sum += powers[b];
            n += counts[b];
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : lufs(sum / n);
    }

    /**
     * Loudness range (EBU Tech 3342): of the windows above −70 LUFS and above the relative gate
     * 20 LU below their power mean, the spread between the 10th and 95th percentiles of loudness.
     * A percentile is the loudness of the nearest-rank bin, computed from the bin's mean power.
     *
     * @return LU, {@code 0} when fewer than two windows pass the gates
     */
    double range() {
        if (total == 0) {
            return 0;
        }
        int first = relativeGateBin(-20);
        long n = 0;
        for (int b = first; b < BINS; b++) {
            n += counts[b];
        }
        if (n < 2) {
            return 0;
        }
        long lowRank = Math.round(0.10 * (n - 1));
        long highRank = Math.round(0.95 * (n - 1));
        double low = Double.NaN;
        double high = Double.NaN;
        long seen = 0;
        for (int b = first; b < BINS && Double.isNaN(high); b++) {
            if (counts[b] == 0) {
                continue;
            }
            long next = seen + counts[b];
            if (Double.isNaN(low) && lowRank < next) {
                low = lufs(powers[b] / counts[b]);
            }
            if (highRank < next) {
                high = lufs(powers[b] / counts[b]);
            }
            seen = next;
        }
        return Math.max(0, high - low);
    }
}
