package org.segue.plugin.analyzer.loudness.internal;

/**
 * The K-weighting of ITU-R BS.1770-4: a high-shelf "pre-filter" (the acoustic effect of the head)
 * followed by the "RLB" high-pass, one biquad each, with a separate state per channel.
 *
 * <p>The standard tabulates coefficients for 48 kHz only. Here they are derived for the actual
 * sample rate by the bilinear transform of the analogue prototypes whose parameters (corner
 * frequency, Q, shelf gain) reproduce that table; {@code KWeightingTest} checks the 48 kHz result
 * against the table. As in the standard's table, the high-pass numerator is left un-normalised
 * ({@code 1, -2, 1}): the {@code -0.691} dB offset of the loudness formula was calibrated with it.
 *
 * <p>Filtering runs in double precision: at 44.1 kHz the high-pass poles sit within 0.01 of the unit
 * circle, where float state would add audible-level noise to quiet passages.
 *
 * <p>Not thread-safe: one instance per analysis task.
 */
final class KWeighting {

    // Analogue prototype of the pre-filter shelf: corner, gain (dB), Q and the shelf's
    // band-edge gain exponent, fitted so the bilinear transform at 48 kHz gives the BS.1770 table.
    private static final double SHELF_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double SHELF_EDGE_EXPONENT = 0.4996667741545416;
    // Analogue prototype of the RLB high-pass.
    private static final double HIGHPASS_HZ = 38.13547087602444;
    private static final double HIGHPASS_Q = 0.5003270373238773;

    /** States below this are flushed to zero between segments: keeps the IIR out of subnormals. */
    private static final double SUBNORMAL_GUARD = 1e-30;

    // Pre-filter (shelf) coefficients, a0 normalised to 1.
    final double sb0;
    final double sb1;
    final double sb2;
    final double sa1;
    final double sa2;
    // High-pass denominator; its numerator is 1, -2, 1.
    final double ha1;
    final double ha2;

    // Transposed direct form II state, two words per biquad per channel.
    private final double[] shelf1;
    private final double[] shelf2;
    private final double[] high1;
    private final double[] high2;

    KWeighting(double sampleRate, int channels) {
        // Below about 3.7 kHz the shelf's corner would pass Nyquist and the transform would blow
        // up; such rates (telephony and below) get the shelf pinned just under Nyquist.
        double k = Math.tan(Math.PI * Math.min(SHELF_HZ, 0.45 * sampleRate) / sampleRate);
        double vh = Math.pow(10, SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, SHELF_EDGE_EXPONENT);
        double a0 = 1 + k / SHELF_Q + k * k;
        sb0 = (vh + vb * k / SHELF_Q + k * k) / a0;
        sb1 = 2 * (k * k - vh) / a0;
        sb2 = (vh - vb * k / SHELF_Q + k * k) / a0;
        sa1 = 2 * (k * k - 1) / a0;
        sa2 = (1 - k / SHELF_Q + k * k) / a0;

        double kh = Math.tan(Math.PI * HIGHPASS_HZ / sampleRate);
        double h0 = 1 + kh / HIGHPASS_Q + kh * kh;
        ha1 = 2 * (kh * kh - 1) / h0;
        ha2 = (1 - kh / HIGHPASS_Q + kh * kh) / h0;

        shelf1 = new double[channels];
        shelf2 = new double[channels];
        high1 = new double[channels];
        high2 = new double[channels];
    }

    /**
     * Filters {@code count} samples of one channel, advancing its state, and returns the sum of
     * the squared K-weighted samples. The filtered signal itself is not needed, only its energy.
     */
    double sumOfSquares(int channel, float[] x, int from, int count) {
        double s1 = shelf1[channel];
        double s2 = shelf2[channel];
        double h1 = high1[channel];
        double h2 = high2[channel];
        double sum = 0;
        for (int i = from, end = from + count; i < end; i++) {
            double in = x[i];
            double y = sb0 * in + s1;
            s1 = sb1 * in - sa1 * y + s2;
            s2 = sb2 * in - sa2 * y;
            double z = y + h1;
            h1 = -2 * y - ha1 * z + h2;
            h2 = y - ha2 * z;
            sum += z * z;
        }
        shelf1[channel] = flush(s1);
        shelf2[channel] = flush(s2);
        high1[channel] = flush(h1);
        high2[channel] = flush(h2);
        return sum;
    }

    /**
     * The same for two channels at once. Each biquad is a chain of dependent multiply-adds; running
     * two independent channels in one loop lets the CPU overlap them, which almost halves the cost
     * of the most common (stereo) case.
     */
    void sumOfSquaresStereo(float[] left, float[] right, int from, int count, double[] sums) {
        double ls1 = shelf1[0];
        double ls2 = shelf2[0];
        double lh1 = high1[0];
        double lh2 = high2[0];
        double rs1 = shelf1[1];
        double rs2 = shelf2[1];
        double rh1 = high1[1];
        double rh2 = high2[1];
        double lsum = 0;
        double rsum = 0;
        for (int i = from, end = from + count; i < end; i++) {
            double l = left[i];
            double r = right[i];
            double ly = sb0 * l + ls1;
            double ry = sb0 * r + rs1;
            ls1 = sb1 * l - sa1 * ly + ls2;
            rs1 = sb1 * r - sa1 * ry + rs2;
            ls2 = sb2 * l - sa2 * ly;
            rs2 = sb2 * r - sa2 * ry;
            double lz = ly + lh1;
            double rz = ry + rh1;
            lh1 = -2 * ly - ha1 * lz + lh2;
            rh1 = -2 * ry - ha1 * rz + rh2;
            lh2 = ly - ha2 * lz;
            rh2 = ry - ha2 * rz;
            lsum += lz * lz;
            rsum += rz * rz;
        }
        shelf1[0] = flush(ls1);
        shelf2[0] = flush(ls2);
        high1[0] = flush(lh1);
        high2[0] = flush(lh2);
        shelf1[1] = flush(rs1);
        shelf2[1] = flush(rs2);
        high1[1] = flush(rh1);
        high2[1] = flush(rh2);
        sums[0] += lsum;
        sums[1] += rsum;
    }

    /**
     * After a long digital silence the state decays towards zero through subnormal numbers, which
     * are up to 100 times slower on x86. A segment is at most 100 ms, far too short to decay from
     * 1e-30 to the subnormal range, so flushing between segments is enough.
     */
    private static double flush(double state) {
        return Math.abs(state) < SUBNORMAL_GUARD ? 0 : state;
    }
}
