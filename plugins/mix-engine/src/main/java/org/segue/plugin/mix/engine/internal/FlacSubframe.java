package org.segue.plugin.mix.engine.internal;

/**
 * One channel of a FLAC frame: picks CONSTANT, VERBATIM or the FIXED predictor of order 0–4 with
 * partitioned Rice residuals (partition order 0–4, parameter from the partition mean), whichever
 * is estimated smallest, and writes it (RFC 9639 §9.2). Reusable; not thread-safe.
 */
final class FlacSubframe {

    static final int MAX_PARTITION_ORDER = 4;
    private static final int CONSTANT = -2;
    private static final int VERBATIM = -1;

    private final int[] residual;
    /** Sum of zigzagged residuals per partition at the finest partition order, per predictor order. */
    private final long[] sums = new long[1 << MAX_PARTITION_ORDER];
    private final long[] merged = new long[1 << MAX_PARTITION_ORDER];
    private final int[] params = new int[1 << MAX_PARTITION_ORDER];
    private final int[] scratchParams = new int[1 << MAX_PARTITION_ORDER];
    private int scratchOrder;

    // The choice made by the last analyse().
    private int[] signal;
    private int n;
    private int bps;
    private int order;
    private int partitionOrder;
    private final int[] bestParams = new int[1 << MAX_PARTITION_ORDER];
    private long bits;

    FlacSubframe(int maxBlock) {
        residual = new int[maxBlock];
    }

    /** Chooses how to code {@code x[0..n)} of {@code bps} bits; returns the estimated size in bits. */
    long analyse(int[] x, int n, int bps) {
        this.signal = x;
        this.n = n;
        this.bps = bps;
        boolean constant = true;
        for (int i = 1; i < n && constant; i++) {
            constant = x[i] == x[0];
        }
        if (constant) {
            order = CONSTANT;
            return bits = 8 + bps;
        }
        order = VERBATIM;
        bits = 8 + (long) n * bps;
        for (int o = 0; o <= 4 && o < n; o++) {
            fixedResidual(x, n, o, residual);
            long b = 8 + (long) o * bps + residualBits(o);
            if (b < bits) {
                bits = b;
                order = o;
                partitionOrder = scratchOrder;
                System.arraycopy(scratchParams, 0, bestParams, 0, 1 << scratchOrder);
            }
        }
        return bits;
    }

    /** The residual of the FIXED predictor of order {@code o} (RFC 9639 §9.2.5), from sample {@code o} on. */
    static void fixedResidual(int[] x, int n, int o, int[] r) {
        switch (o) {
            case 0 -> System.arraycopy(x, 0, r, 0, n);
            case 1 -> {
                for (int i = 1; i < n; i++) {
                    r[i] = x[i] - x[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < n; i++) {
                    r[i] = x[i] - 2 * x[i - 1] + x[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < n; i++) {
                    r[i] = x[i] - 3 * x[i - 1] + 3 * x[i - 2] - x[i - 3];
                }
            }
            default -> {
                for (int i = 4; i < n; i++) {
                    r[i] = x[i] - 4 * x[i - 1] + 6 * x[i - 2] - 4 * x[i - 3] + x[i - 4];
                }
            }
        }
    }

    /**
     * Estimated bits of the residual in {@link #residual} for predictor order {@code o}; leaves the
     * best partition order and its parameters in {@code scratchOrder} and {@code scratchParams}.
     */
    private long residualBits(int o) {
        int maxP = 0;
        while (maxP < MAX_PARTITION_ORDER && n % (2 << maxP) == 0 && (n >> (maxP + 1)) > o) {
            maxP++;
        }
        int parts = 1 << maxP;
        int size = n >> maxP;
        java.util.Arrays.fill(sums, 0, parts, 0);
        for (int p = 0, i = o; p < parts; p++) {
            long s = 0;
            for (int end = (p + 1) * size; i < end; i++) {
                int r = residual[i];
                s += ((r << 1) ^ (r >> 31)) & 0xffffffffL;
            }
            sums[p] = s;
        }
        long best = Long.MAX_VALUE;
        System.arraycopy(sums, 0, merged, 0, parts);
        for (int p = maxP; p >= 0; p--) {
            int count = 1 << p;
            long b = 6;
            boolean w = false;
            for (int j = 0; j < count; j++) {
                if (p < maxP) {
                    merged[j] = merged[2 * j] + merged[2 * j + 1];
                }
                long samples = (n >> p) - (j == 0 ? o : 0);
                int k = param(merged[j], samples);
                params[j] = k;
                w |= k > 14;
                b += samples * (k + 1) + (merged[j] >>> k);
            }
            b += (long) count * (w ? 5 : 4);
            if (b < best) {
                best = b;
                scratchOrder = p;
                System.arraycopy(params, 0, scratchParams, 0, count);
            }
        }
        return best;
    }

    /** The Rice parameter from the mean of the zigzagged residuals: floor(log2(mean)), at most 30. */
    static int param(long sum, long count) {
        if (count <= 0 || sum < count) {
            return 0;
        }
        return Math.min(30, 63 - Long.numberOfLeadingZeros(sum / count));
    }

    /** Writes the subframe chosen by the last {@link #analyse}. */
    void write(BitWriter out) {
        int[] x = signal;
        if (order == CONSTANT) {
            out.writeBits(0, 8);
            out.writeBits(x[0], bps);
            return;
        }
        if (order == VERBATIM) {
            out.writeBits(1 << 1, 8);
            for (int i = 0; i < n; i++) {
                out.writeBits(x[i], bps);
            }
            return;
        }
        out.writeBits((0b001000 | order) << 1, 8);
        for (int i = 0; i < order; i++) {
            out.writeBits(x[i], bps);
        }
        fixedResidual(x, n, order, residual);
        int parts = 1 << partitionOrder;
        boolean wide = false;
        for (int j = 0; j < parts; j++) {
            wide |= bestParams[j] > 14;
        }
        out.writeBits(wide ? 1 : 0, 2);
        out.writeBits(partitionOrder, 4);
        int size = n >> partitionOrder;
        for (int j = 0, i = order; j < parts; j++) {
            int k = bestParams[j];
            out.writeBits(k, wide ? 5 : 4);
            for (int end = (j + 1) * size; i < end; i++) {
                out.writeRice(residual[i], k);
            }
        }
    }
}
