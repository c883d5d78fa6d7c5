package org.segue.plugin.effect.core.internal;

import java.util.Arrays;

/**
 * One second-order filter section with a state per channel, giving the responses of Robert
 * Bristow-Johnson's "Audio EQ Cookbook" (bilinear transform, prewarped at {@code frequency}, so
 * the gain there is exact at every sample rate).
 *
 * <p>Why not the cookbook's direct form: its coefficients cannot move without clicks. In a direct
 * form the input's term {@code b0 * x} changes at once with a new coefficient while the state only
 * catches up over the following samples, so updating a shelf every sub-block steps the output
 * (zipper noise) even where the response barely changes. This section computes the same responses
 * with the trapezoidal state-variable filter of Vadim Zavalishin's "The Art of VA Filter Design"
 * and Andrew Simper's linear-trapezoidal SVF notes: two integrator states that stay meaningful when
 * the cutoff moves, and an output mixed from input, band-pass and low-pass,
 * {@code y = m0 x + m1 bp + m2 lp}, whose weights multiply signals that are small where the
 * response is flat. Each type is the cookbook's analog prototype rewritten in that form.
 */
final class Biquad {

    static final int PEAK = 0;
    static final int LOW_SHELF = 1;
    static final int HIGH_SHELF = 2;
    static final int LOW_PASS = 3;
    static final int HIGH_PASS = 4;
    static final int BAND_PASS = 5;
    static final int ALL_PASS = 6;

    private final double[] ic1;
    private final double[] ic2;
    /** The coefficients a1, a2, a3 (integrators) and m0, m1, m2 (output mix) being moved to. */
    private final double[] target = new double[6];
    /** The coefficients at the start of the current glide. */
    private final double[] origin = new double[6];
    private boolean gliding;

    Biquad(int channels) {
        ic1 = new double[channels];
        ic2 = new double[channels];
        design(PEAK, 48000, 1000, 1, 0, false);
    }

    void clear() {
        Arrays.fill(ic1, 0);
        Arrays.fill(ic2, 0);
    }

    /** Runs one sample with the final coefficients (no glide). */
    double process(int c, double x) {
        return run(c, x, target[0], target[1], target[2], target[3], target[4], target[5]);
    }

    /**
     * Runs one sample, {@code fraction} (0..1] of the way through the current glide; once the glide
     * is over, or without one, the same as {@link #process(int, double)}.
     */
    double process(int c, double x, double fraction) {
        if (!gliding) {
            return process(c, x);
        }
        double[] o = origin;
        double[] t = target;
        return run(c, x, o[0] + fraction * (t[0] - o[0]), o[1] + fraction * (t[1] - o[1]),
                o[2] + fraction * (t[2] - o[2]), o[3] + fraction * (t[3] - o[3]), o[4] + fraction * (t[4] - o[4]),
                o[5] + fraction * (t[5] - o[5]));
    }

    private double run(int c, double x, double a1, double a2, double a3, double m0, double m1, double m2) {
        double v3 = x - ic2[c];
        double v1 = a1 * ic1[c] + a2 * v3;
        double v2 = ic2[c] + a2 * ic1[c] + a3 * v3;
        ic1[c] = Dsp.flush(2 * v1 - ic1[c]);
        ic2[c] = Dsp.flush(2 * v2 - ic2[c]);
        return m0 * x + m1 * v1 + m2 * v2;
    }

    /**
     * Sets the response; {@code gainDb} matters for the peak and the shelves only. For the shelves
     * {@code q} is the cookbook's Q (0.707 = slope 1). The frequency is clamped below Nyquist.
     *
     * @param glide whether to move there from the previous response over the next sub-block
     *        (see {@link #process(int, double, double)}) rather than at once. Processors whose
     *        parameters move call this every sub-block, so a glide never outlives its sub-block.
     */
    void design(int type, double sampleRate, double frequency, double q, double gainDb, boolean glide) {
        double g = Math.tan(Math.PI * Dsp.clamp(frequency, 1, 0.49 * sampleRate) / sampleRate);
        double k = 1 / Math.max(q, 1e-3);
        double a = Math.pow(10, gainDb / 40);
        System.arraycopy(target, 0, origin, 0, 6);
        switch (type) {
            case LOW_SHELF -> {
                g /= Math.sqrt(a);
                mix(1, k * (a - 1), a * a - 1);
            }
            case HIGH_SHELF -> {
                g *= Math.sqrt(a);
                mix(a * a, k * a * (1 - a), 1 - a * a);
            }
            case LOW_PASS -> mix(0, 0, 1);
            case HIGH_PASS -> mix(1, -k, -1);
            case BAND_PASS -> mix(0, k, 0); // constant 0 dB peak gain
            case ALL_PASS -> mix(1, -2 * k, 0);
            default -> { // PEAK: the poles' damping shrinks by A, the zeros' grows by A
                k /= a;
                mix(1, k * (a * a - 1), 0);
            }
        }
        target[0] = 1 / (1 + g * (g + k));
        target[1] = g * target[0];
        target[2] = g * target[1];
        gliding = glide && !Arrays.equals(origin, target);
        if (!glide) {
            System.arraycopy(target, 0, origin, 0, 6);
        }
    }

    private void mix(double input, double bandPass, double lowPass) {
        target[3] = input;
        target[4] = bandPass;
        target[5] = lowPass;
    }
}
