package org.segue.sample.analyzer.danceability.internal;

/**
 * Measures the pulse of an onset curve by autocorrelation: the curve is compared with itself
 * shifted by every lag from one beat at 180 bpm to one beat at 60 bpm. A steady beat lines up with
 * itself at its period, so the correlation there is high (pulse strength) and stays high at two,
 * three and four periods (regularity); a jittery or drifting beat lines up less and less; noise does
 * not line up at all.
 *
 * <p>A plain function of an array: the easiest part of an analyzer to test on its own.
 */
final class PulseAnalysis {

    /** Less audio than this has too few beats to measure (four beats at 60 bpm). */
    static final double MIN_SECONDS = 4;
    static final double MIN_BPM = 60;
    static final double MAX_BPM = 180;

    private PulseAnalysis() {
    }

    /**
     * @param onsets the onset curve, one value per hop
     * @param hopSeconds the hop
     * @return the danceability, or {@code null} when the curve is too short to say
     */
    static Danceability measure(float[] onsets, double hopSeconds) {
        int n = onsets.length;
        if (n * hopSeconds < MIN_SECONDS) {
            return null;
        }
        double[] x = smoothed(onsets);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double energy = 0;
        for (int i = 0; i < n; i++) {
            x[i] -= mean;
            energy += x[i] * x[i];
        }
        if (energy <= 1e-12 * n) {
            return Danceability.NONE; // a flat curve: silence or a constant tone
        }
        int minLag = (int) Math.floor(60 / MAX_BPM / hopSeconds);
        int maxLag = (int) Math.ceil(60 / MIN_BPM / hopSeconds);
        double[] r = new double[maxLag + 2];
        double best = 0;
        int strongest = minLag;
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
            r[lag] = correlation(x, lag, energy);
            if (lag >= minLag && lag <= maxLag && r[lag] > best) {
                best = r[lag];
                strongest = lag;
            }
        }
        if (best <= 0) {
            return Danceability.NONE;
        }
        // The beat, not the half or quarter note: a click every beat also lines up at two beats, so
        // take the shortest lag that is a local peak nearly as strong as the strongest.
        int period = -1;
        for (int lag = minLag; lag <= maxLag && period < 0; lag++) {
            if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                period = lag;
            }
        }
        if (period < 0) {
            period = strongest; // the strongest sits on the edge of the range, rising beyond it
        }
        double exact = period + parabolicOffset(r[period - 1], r[period], r[period + 1]);
        double pulse = clamp(r[period]);
        double regularity = 0;
        int multiples = 0;
        for (int m = 2; m <= 4 && m * exact + 2 < n / 2.0; m++) {
            int centre = (int) Math.round(m * exact);
            double peak = 0;
            for (int lag = centre - 2; lag <= centre + 2; lag++) {
                peak = Math.max(peak, correlation(x, lag, energy));
            }
            regularity += clamp(peak);
            multiples++;
        }
        regularity = multiples == 0 ? pulse : regularity / multiples;
        double bpm = 60 / (exact * hopSeconds);
        return new Danceability(clamp((pulse + regularity) / 2), bpm, pulse, regularity);
    }

    /**
     * A 5-tap triangular smoothing: a beat 46.9 hops apart (128 bpm) falls between whole lags, and
     * smoothing lets it still line up with itself.
     */
    private static double[] smoothed(float[] x) {
        double[] y = new double[x.length];
        double[] w = {1, 2, 3, 2, 1};
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int k = -2; k <= 2; k++) {
                int j = i + k;
                if (j >= 0 && j < x.length) {
                    sum += w[k + 2] * x[j];
                }
            }
            y[i] = sum / 9;
        }
        return y;
    }

    /**
     * The correlation of the curve with itself {@code lag} hops later, scaled so a curve that repeats
     * exactly gives 1 whatever the lag (the overlap shrinks as the lag grows).
     */
    private static double correlation(double[] x, int lag, double energy) {
        int n = x.length;
        if (lag <= 0 || lag >= n) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i + lag < n; i++) {
            sum += x[i] * x[i + lag];
        }
        return sum / energy * n / (n - lag);
    }

    /** Where between three samples their parabola peaks, {@code -0.5..0.5} from the middle one. */
    private static double parabolicOffset(double left, double middle, double right) {
        double curvature = left - 2 * middle + right;
        return curvature < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature)) : 0;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
