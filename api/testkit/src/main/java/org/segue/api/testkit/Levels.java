package org.segue.api.testkit;

import java.util.Map;

import org.segue.api.effect.Effect;

/**
 * Measurements for effect tests: the amplitude of a tone found by a least-squares sine fit, the
 * gain of an effect at one frequency, sample and true (4x oversampled) peaks, energy.
 *
 * <p>Why a sine fit and not an FFT bin: fitting {@code a cos + b sin + c} at the known frequency is
 * exact for any window length (no leakage, no window correction), so a 1 kHz gain comes out right to
 * a thousandth of a dB from a few hundred milliseconds of audio.
 */
public final class Levels {

    /** Half-length, in input samples, of the true-peak interpolator. */
    private static final int TRUE_PEAK_HALF_TAPS = 32;

    private Levels() {
    }

    /** {@code 20 log10(ratio)}; {@code -Infinity} for 0. */
    public static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** The amplitude ratio of {@code decibels}. */
    public static double gain(double decibels) {
        return Math.pow(10, decibels / 20);
    }

    /**
     * The peak amplitude of the {@code frequency} Hz component of {@code x[from..to)}, by a
     * least-squares fit of {@code a cos(wt) + b sin(wt) + c}.
     */
    public static double amplitude(float[] x, int from, int to, double frequency, int sampleRate) {
        double w = 2 * Math.PI * frequency / sampleRate;
        // Normal equations of the three basis functions (cos, sin, 1).
        double cc = 0, ss = 0, cs = 0, c1 = 0, s1 = 0, n = 0, xc = 0, xs = 0, x1 = 0;
        for (int i = from; i < to; i++) {
            double c = Math.cos(w * i);
            double s = Math.sin(w * i);
            cc += c * c;
            ss += s * s;
            cs += c * s;
            c1 += c;
            s1 += s;
            n += 1;
            xc += x[i] * c;
            xs += x[i] * s;
            x1 += x[i];
        }
        double[][] m = {{cc, cs, c1, xc}, {cs, ss, s1, xs}, {c1, s1, n, x1}};
        double[] solution = solve3(m);
        return Math.hypot(solution[0], solution[1]);
    }

    private static double[] solve3(double[][] m) {
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < 3; r++) {
                if (r != col && m[col][col] != 0) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k < 4; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] result = new double[3];
        for (int r = 0; r < 3; r++) {
            result[r] = m[r][r] == 0 ? 0 : m[r][3] / m[r][r];
        }
        return result;
    }

    /** A sine of {@code frequency} Hz and peak {@code amplitude}, starting at phase {@code phase}. */
    public static float[] tone(int sampleRate, int frames, double frequency, double amplitude, double phase) {
        float[] x = new float[frames];
        double w = 2 * Math.PI * frequency / sampleRate;
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(w * i + phase));
        }
        return x;
    }

    /**
     * The steady-state gain in dB of {@code effect} for a sine of {@code frequency} Hz at -12 dBFS,
     * mono, with {@code parameters} (id to plain value) set from the first frame. The tone runs long
     * enough for the effect to settle (at least 0.5 s and 40 periods), then is measured by a sine fit
     * over as long again, so filters' transients and the effect's latency do not matter.
     */
    public static double gainDb(Effect effect, int sampleRate, double frequency, Map<String, Double> parameters) {
        int settle = (int) Math.max(0.5 * sampleRate, 40 * sampleRate / frequency);
        int frames = 2 * settle;
        EffectHarness harness = new EffectHarness(effect, sampleRate, 1, 512);
        parameters.forEach(harness::set);
        double amplitude = 0.25;
        float[] in = tone(sampleRate, frames, frequency, amplitude, 0);
        float[] out = harness.process(new float[][] {in})[0];
        return db(amplitude(out, settle, frames, frequency, sampleRate) / amplitude);
    }

    /** The largest absolute sample of {@code x[from..to)}. */
    public static double peak(float[] x, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }

    /** The sum of squares of {@code x[from..to)}. */
    public static double energy(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return sum;
    }

    /**
     * The true peak: the largest absolute value of {@code x} and of the three values between every
     * two samples of its 4x oversampled, band-limited reconstruction (a 64-tap Blackman-Harris
     * windowed sinc per phase; the signal is taken as zero outside the array).
     */
    public static double truePeak(float[] x) {
        int k = TRUE_PEAK_HALF_TAPS;
        double[][] phases = new double[3][2 * k];
        for (int p = 1; p <= 3; p++) {
            double frac = p / 4.0;
            for (int j = -k + 1; j <= k; j++) {
                double t = j - frac;
                phases[p - 1][j + k - 1] = sinc(t) * blackmanHarris((t + k) / (2.0 * k));
            }
        }
        double peak = 0;
        for (int i = 0; i < x.length; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
            for (int p = 0; p < 3; p++) {
                double v = 0;
                for (int j = -k + 1; j <= k; j++) {
                    int idx = i + j;
                    if (idx >= 0 && idx < x.length) {
                        v += phases[p][j + k - 1] * x[idx];
                    }
                }
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return peak;
    }

    private static double sinc(double t) {
        return t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    }

    private static double blackmanHarris(double u) {
        if (u <= 0 || u >= 1) {
            return 0;
        }
        double w = 2 * Math.PI * u;
        return 0.35875 - 0.48829 * Math.cos(w) + 0.14128 * Math.cos(2 * w) - 0.01168 * Math.cos(3 * w);
    }

    /** Whether any sample of {@code x} is subnormal (non-zero but below the smallest normal float). */
    public static boolean hasSubnormal(float[] x) {
        for (float v : x) {
            if (v != 0 && Math.abs(v) < Float.MIN_NORMAL) {
                return true;
            }
        }
        return false;
    }

    /** Whether every sample of {@code x} is finite. */
    public static boolean allFinite(float[] x) {
        for (float v : x) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
