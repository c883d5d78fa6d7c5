package org.segue.plugin.analyzer.rhythm.internal;

/**
 * Beats per bar (3 or 4) and which beat starts the bars, from how beats resemble one another.
 *
 * <p>Meter: a bar repeats, so a beat sounds most like the beats one bar later (the same drum
 * hit, the same bass figure). Each beat gets a short description (the broad band levels just
 * after it and its onset accents); the average distance between beats 3 and 6 apart is compared
 * with that between beats 4 and 8 apart. Duple music also repeats at 6, triple music not at 4 or
 * 8, which is why the pairs are compared rather than single lags.
 *
 * <p>Downbeat: bars start where the harmony changes and where the bass and kick land, so each
 * phase of the bar is scored by the chord change (chroma distance between the beats before and
 * after) and the low-frequency accent at its beats, each weighed by how consistently it marks
 * one phase (see {@link #phaseEvidence}). The overall
 * accent only counts through its once-a-bar part: in most music with drums the loudest hits are
 * the snare or clap of the backbeat, on beats 2 and 4, and would otherwise pull the bar line onto
 * them.
 */
final class MeterDetector {

    /** Beats per bar and the index of the first downbeat. */
    record Meter(int beatsPerBar, int firstDownbeat) {
    }

    /** Weight of the once-a-bar accent against harmony change and bass. */
    private static final double ACCENT = 0.5;

    private MeterDetector() {
    }

    static Meter detect(OnsetFeatures features, int from, double[] beats) {
        int n = beats.length;
        if (n < 8) {
            return new Meter(4, 0);
        }
        float[] onset = features.onset.array();
        float[] low = features.lowOnset.array();
        int frames = features.frames();
        double[] accent = new double[n];
        double[] lowAccent = new double[n];
        int width = OnsetFeatures.CHROMA + OnsetFeatures.BANDS;
        double[][] sound = new double[n][OnsetFeatures.BANDS];
        double[][] chroma = new double[n][OnsetFeatures.CHROMA];
        ByteFrames timbre = features.timbre;
        int stride = features.timbreStride;
        for (int i = 0; i < n; i++) {
            int at = from + (int) Math.round(beats[i]);
            accent[i] = max(onset, at - 2, at + 3, frames);
            lowAccent[i] = max(low, at - 2, at + 3, frames);
            double interval = i + 1 < n ? beats[i + 1] - beats[i] : beats[i] - beats[i - 1];
            int t0 = Math.max(0, at / stride);
            int t1 = Math.min(timbre.frames(), (int) Math.ceil((at + interval) / stride));
            int tMid = Math.min(t1, Math.max(t0 + 1, (int) Math.round((at + 0.4 * interval) / stride)));
            for (int t = t0; t < tMid; t++) {
                for (int b = 0; b < OnsetFeatures.BANDS; b++) {
                    sound[i][b] += timbre.get(t, OnsetFeatures.CHROMA + b) / 2.55 / Math.max(1, tMid - t0);
                }
            }
            for (int t = t0; t < t1; t++) {
                for (int c = 0; c < OnsetFeatures.CHROMA; c++) {
                    chroma[i][c] += timbre.get(t, c) / 255.0 / Math.max(1, t1 - t0);
                }
            }
        }
        standardise(accent);
        standardise(lowAccent);

        double triple = (distance(sound, accent, lowAccent, 3) + distance(sound, accent, lowAccent, 6)) / 2;
        double duple = (distance(sound, accent, lowAccent, 4) + distance(sound, accent, lowAccent, 8)) / 2;
        int beatsPerBar = triple < duple ? 3 : 4;

        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int c = 0; c < OnsetFeatures.CHROMA; c++) {
                double before = 0;
                double after = 0;
                int cb = 0;
                int ca = 0;
                for (int k = Math.max(0, i - 2); k < i; k++) {
                    before += chroma[k][c];
                    cb++;
                }
                for (int k = i; k < Math.min(n, i + 2); k++) {
                    after += chroma[k][c];
                    ca++;
                }
                if (cb > 0 && ca > 0) {
                    double diff = after / ca - before / cb;
                    d += diff * diff;
                }
            }
            change[i] = Math.sqrt(d);
        }
        standardise(change);
        double[] changeEvidence = phaseEvidence(change, beatsPerBar);
        double[] lowEvidence = phaseEvidence(lowAccent, beatsPerBar);
        double[] accentEvidence = phaseEvidence(accent, beatsPerBar);
        int bestPhase = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int phase = 0; phase < beatsPerBar; phase++) {
            double s = changeEvidence[phase] + lowEvidence[phase] + ACCENT * onceABar(accentEvidence, phase);
            if (s > bestScore) {
                bestScore = s;
                bestPhase = phase;
            }
        }
        return new Meter(beatsPerBar, Math.min(bestPhase, n - 1));
    }

    /**
     * How strongly a per-beat feature says each phase of the bar is special: the mean at that
     * phase minus the mean over phases, in standard errors (a t statistic). A feature that carries
     * nothing about the bar (identical chroma on every click, no bass at all) gives values near 1
     * and barely counts, one that repeats exactly every bar counts for a lot; standardising by the
     * spread alone would give both the same weight.
     */
    private static double[] phaseEvidence(double[] x, int m) {
        double[] mean = new double[m];
        int[] count = new int[m];
        for (int i = 0; i < x.length; i++) {
            mean[i % m] += x[i];
            count[i % m]++;
        }
        double overall = 0;
        for (int p = 0; p < m; p++) {
            mean[p] /= Math.max(1, count[p]);
            overall += mean[p] / m;
        }
        double residual = 0;
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean[i % m];
            residual += d * d;
            scale += Math.abs(x[i]);
        }
        double perBar = Math.max(1, x.length / (double) m);
        double error = Math.sqrt(residual / Math.max(1, x.length - m) / perBar);
        // A floor, relative to the feature's size, keeps an exactly periodic feature finite.
        error = Math.max(error, 1e-3 * scale / Math.max(1, x.length) + 1e-12);
        double[] t = new double[m];
        for (int p = 0; p < m; p++) {
            t[p] = (mean[p] - overall) / error;
        }
        return t;
    }

    /**
     * The part of an accent profile that recurs once a bar at {@code phase}. In 4/4 the accent half
     * a bar later is subtracted, which cancels a backbeat (snare on 2 and 4 is no bar line) but
     * keeps an accent on one beat of the bar (a louder first click, a crash).
     */
    private static double onceABar(double[] profile, int phase) {
        int m = profile.length;
        if (m % 2 == 0) {
            return (profile[phase] - profile[(phase + m / 2) % m]) / 2;
        }
        double mean = 0;
        for (double v : profile) {
            mean += v;
        }
        return profile[phase] - mean / m;
    }

    private static double distance(double[][] sound, double[] accent, double[] low, int lag) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i + lag < sound.length; i++) {
            double d = 0;
            for (int b = 0; b < sound[i].length; b++) {
                double x = (sound[i][b] - sound[i + lag][b]) / 6.0;
                d += x * x;
            }
            double a = accent[i] - accent[i + lag];
            double l = low[i] - low[i + lag];
            d += a * a + l * l;
            sum += Math.sqrt(d);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    private static double max(float[] x, int from, int to, int limit) {
        double best = 0;
        for (int i = Math.max(0, from); i < Math.min(to, limit); i++) {
            best = Math.max(best, x[i]);
        }
        return best;
    }

    private static void standardise(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] = std > 1e-9 ? (x[i] - mean) / std : 0;
        }
    }
}
