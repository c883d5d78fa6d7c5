package org.segue.plugin.analyzer.rhythm.internal;

/**
 * Autocorrelation of the onset envelope over sliding windows: the periodicities present around
 * each moment of the track.
 *
 * <p>Each window's envelope has its mean removed and a Hann taper applied; the autocorrelation is
 * computed through the FFT (power spectrum, transformed again) in O(n log n) rather than O(n ×
 * lags), then divided by the taper's own autocorrelation so long lags are not penalised merely
 * for overlapping less, and scaled so lag 0 is 1. A window of silence gives all zeros.
 *
 * <p>Not thread-safe; owns its scratch arrays.
 */
final class Tempogram {

    private final int windowFrames;
    private final int hopFrames;
    private final int maxLag;
    private final RealFft fft;
    private final float[] taper;
    private final float[] taperAcf;
    private final float[] buffer;
    private final float[] re;
    private final float[] im;

    /**
     * @param windowFrames envelope frames per window
     * @param hopFrames frames between window starts
     * @param maxLag the longest lag wanted, at most half the window
     */
    Tempogram(int windowFrames, int hopFrames, int maxLag) {
        this.windowFrames = windowFrames;
        this.hopFrames = Math.max(1, hopFrames);
        this.maxLag = Math.min(maxLag, windowFrames / 2);
        int size = Integer.highestOneBit(Math.max(4, windowFrames + this.maxLag) - 1) << 1;
        fft = new RealFft(size);
        taper = new float[windowFrames];
        for (int i = 0; i < windowFrames; i++) {
            taper[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / windowFrames));
        }
        taperAcf = new float[this.maxLag + 1];
        for (int lag = 0; lag <= this.maxLag; lag++) {
            double s = 0;
            for (int i = 0; i + lag < windowFrames; i++) {
                s += taper[i] * taper[i + lag];
            }
            taperAcf[lag] = (float) s;
        }
        buffer = new float[size];
        re = new float[size / 2 + 1];
        im = new float[size / 2 + 1];
    }

    int maxLag() {
        return maxLag;
    }

    int windowFrames() {
        return windowFrames;
    }

    /** The number of windows covering {@code frames} frames (at least one). */
    int windowCount(int frames) {
        return frames <= windowFrames ? 1 : 1 + (frames - windowFrames + hopFrames - 1) / hopFrames;
    }

    /** The first frame (relative to the range start) of window {@code w}. */
    int windowStart(int w, int frames) {
        return Math.max(0, Math.min(w * hopFrames, frames - windowFrames));
    }

    /**
     * Computes window {@code w} of {@code envelope[from..to)} into {@code out[0..maxLag]}.
     *
     * @return the window's onset energy (variance), so callers can weigh loud windows
     */
    double window(float[] envelope, int from, int to, int w, float[] out) {
        int frames = to - from;
        int start = from + windowStart(w, frames);
        int length = Math.min(windowFrames, to - start);
        double mean = 0;
        for (int i = 0; i < length; i++) {
            mean += envelope[start + i];
        }
        mean /= Math.max(1, length);
        java.util.Arrays.fill(buffer, 0f);
        for (int i = 0; i < length; i++) {
            buffer[i] = (float) ((envelope[start + i] - mean) * taper[i]);
        }
        fft.forward(buffer, re, im);
        int size = buffer.length;
        int half = size / 2;
        for (int k = 0; k <= half; k++) {
            float p = re[k] * re[k] + im[k] * im[k];
            buffer[k] = p;
            if (k > 0 && k < half) {
                buffer[size - k] = p;
            }
        }
        fft.forward(buffer, re, im);
        float zero = re[0] / taperAcf[0];
        if (!(zero > 1e-12f)) {
            java.util.Arrays.fill(out, 0, maxLag + 1, 0f);
            return 0;
        }
        for (int lag = 0; lag <= maxLag; lag++) {
            out[lag] = re[lag] / taperAcf[lag] / zero;
        }
        return zero / size;
    }

    /** Linear interpolation of a lag curve at a fractional lag, 0 outside it. */
    static float at(float[] curve, int length, double lag) {
        if (lag < 0 || lag >= length - 1) {
            return 0f;
        }
        int i = (int) lag;
        double f = lag - i;
        return (float) (curve[i] + (curve[i + 1] - curve[i]) * f);
    }

    /** The highest value of a lag curve within ±{@code tolerance} of a lag: a peak that wanders. */
    static float peakNear(float[] curve, int length, double lag, double tolerance) {
        int lo = (int) Math.ceil(lag - tolerance);
        int hi = (int) Math.floor(lag + tolerance);
        float best = Math.max(at(curve, length, lag - tolerance), at(curve, length, lag + tolerance));
        for (int i = Math.max(0, lo); i <= Math.min(length - 1, hi); i++) {
            best = Math.max(best, curve[i]);
        }
        return best;
    }
}
