package org.segue.plugin.stretch.wsola.internal;

/**
 * Polyphase tables of a Kaiser-windowed sinc for the pitch-shift resampler, immutable and shared by
 * every processor of a {@link WsolaStretcher} (they depend on no sample rate).
 *
 * <p>Table {@code j} has its cutoff at {@code CUTOFF * 2^(-j/12)} of the source Nyquist, so a ratio
 * of up to {@code 2^(j/12)} (reading the source that much faster, i.e. pitch up by j semitones) still
 * stays below the output Nyquist; ratios at or below 1 use table 0. Cutoffs on a semitone grid
 * keep the tables few (13) so they are built once instead of on the audio thread when the pitch
 * changes; the price is a cutoff up to one semitone lower than strictly necessary.
 *
 * <p>Each table holds {@code PHASES + 1} rows of {@code taps(j)} weights for fractional positions
 * {@code p / PHASES}; the resampler interpolates linearly between neighbouring rows.
 */
final class SincKernels {

    static final int ZERO_CROSSINGS = 8;
    static final int PHASES = 256;
    static final int TABLES = 13;
    static final double CUTOFF = 0.9;
    static final double KAISER_BETA = 7.0;

    private final float[][] rows = new float[TABLES][];
    private final int[] half = new int[TABLES];
    private final int maxHalf;

    SincKernels() {
        int most = 0;
        for (int j = 0; j < TABLES; j++) {
            double c = CUTOFF * Math.pow(2, -j / 12.0);
            int h = (int) Math.ceil(ZERO_CROSSINGS / c);
            half[j] = h;
            most = Math.max(most, h);
            rows[j] = table(c, h);
        }
        maxHalf = most;
    }

    private static float[] table(double c, int h) {
        int taps = 2 * h;
        float[] t = new float[(PHASES + 1) * taps];
        double[] row = new double[taps];
        double reach = ZERO_CROSSINGS / c;
        for (int p = 0; p <= PHASES; p++) {
            double frac = p / (double) PHASES;
            double sum = 0;
            for (int k = 0; k < taps; k++) {
                double d = (k - (h - 1)) - frac;
                double v = Math.abs(d) >= reach ? 0 : c * sinc(c * d) * kaiser(d / reach);
                row[k] = v;
                sum += v;
            }
            // Unit DC gain in every phase, so a pitch-shifted constant stays constant.
            for (int k = 0; k < taps; k++) {
                t[p * taps + k] = (float) (row[k] / sum);
            }
        }
        return t;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-12) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static double kaiser(double x) {
        double a = 1 - x * x;
        return a <= 0 ? 0 : besselI0(KAISER_BETA * Math.sqrt(a)) / besselI0(KAISER_BETA);
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 40; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    /** The table for reading the source {@code ratio} times faster. Allocation-free. */
    static int tableFor(double ratio) {
        if (ratio <= 1) {
            return 0;
        }
        int j = (int) Math.ceil(12 * Math.log(ratio) / Math.log(2) - 1e-9);
        return Math.min(TABLES - 1, Math.max(0, j));
    }

    /** Taps on each side of the read position (the kernel spans {@code 2 * half(j)} frames). */
    int half(int table) {
        return half[table];
    }

    float[] rows(int table) {
        return rows[table];
    }

    /** The widest {@link #half}: how far past its read position the resampler may look. */
    int maxHalf() {
        return maxHalf;
    }
}
