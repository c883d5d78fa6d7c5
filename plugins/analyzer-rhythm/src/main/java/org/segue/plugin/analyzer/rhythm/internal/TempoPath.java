package org.segue.plugin.analyzer.rhythm.internal;

/**
 * The local beat period over time, for tracks whose tempo changes: a step between two songs'
 * tempos, or a DJ's gradual pitch ramp.
 *
 * <p>Around the global period τ, each window of the tempogram scores a fine grid of periods
 * (0.5% apart, ±15%); a Viterbi pass then picks the path that best explains all windows while
 * paying a quadratic cost for every change of period. A jump of 6-8% is taken when the windows
 * after it agree, the small wobble of a live or rubato performance is not; staying within ±15%
 * keeps the path at the global metrical level instead of letting it slide to a half or double.
 */
final class TempoPath {

    private static final double STEP = 0.005;
    private static final double SPAN = 0.15;
    /** Cost of a change of period, per squared natural-log unit, in autocorrelation units. */
    private static final double CHANGE_COST = 60;

    private TempoPath() {
    }

    /**
     * The period (in frames) at every frame of {@code envelope[from..to)}, relative to {@code from}.
     */
    static float[] periods(Tempogram tempogram, float[] envelope, int from, int to, double globalPeriod) {
        int frames = to - from;
        float[] result = new float[Math.max(0, frames)];
        int windows = tempogram.windowCount(frames);
        if (frames <= 0) {
            return result;
        }
        if (windows < 3) {
            java.util.Arrays.fill(result, (float) globalPeriod);
            return result;
        }
        int span = (int) Math.round(Math.log(1 + SPAN) / STEP);
        int states = 2 * span + 1;
        double[] statePeriod = new double[states];
        for (int s = 0; s < states; s++) {
            statePeriod[s] = globalPeriod * Math.exp((s - span) * STEP);
        }
        float[] acf = new float[tempogram.maxLag() + 1];
        double[] score = new double[states];
        double[] next = new double[states];
        int[][] back = new int[windows][states];
        double[] transition = new double[states];
        for (int d = 0; d < states; d++) {
            transition[d] = CHANGE_COST * (d * STEP) * (d * STEP);
        }
        for (int w = 0; w < windows; w++) {
            tempogram.window(envelope, from, to, w, acf);
            for (int s = 0; s < states; s++) {
                double observation = observe(acf, statePeriod[s]);
                if (w == 0) {
                    next[s] = observation;
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                int arg = s;
                for (int p = 0; p < states; p++) {
                    double v = score[p] - transition[Math.abs(p - s)];
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                next[s] = best + observation;
                back[w][s] = arg;
            }
            double[] swap = score;
            score = next;
            next = swap;
        }
        int state = 0;
        for (int s = 1; s < states; s++) {
            if (score[s] > score[state]) {
                state = s;
            }
        }
        double[] windowPeriod = new double[windows];
        for (int w = windows - 1; w >= 0; w--) {
            windowPeriod[w] = statePeriod[state];
            state = back[w][state];
        }
        // Each window's period holds at its centre; interpolate between centres.
        int half = tempogram.windowFrames() / 2;
        for (int i = 0; i < frames; i++) {
            result[i] = (float) windowPeriod[0];
        }
        for (int w = 0; w < windows; w++) {
            int centre = Math.min(frames - 1, tempogram.windowStart(w, frames) + half);
            int nextCentre = w + 1 < windows ? Math.min(frames - 1, tempogram.windowStart(w + 1, frames) + half) : frames;
            for (int i = centre; i < nextCentre; i++) {
                double f = w + 1 < windows && nextCentre > centre ? (i - centre) / (double) (nextCentre - centre) : 0;
                double p = w + 1 < windows ? windowPeriod[w] + f * (windowPeriod[w + 1] - windowPeriod[w]) : windowPeriod[w];
                result[i] = (float) p;
            }
        }
        return result;
    }

    private static double observe(float[] acf, double period) {
        int n = acf.length;
        return Tempogram.at(acf, n, period) + 0.5 * Tempogram.at(acf, n, 2 * period)
                + 0.25 * Tempogram.at(acf, n, 4 * period);
    }
}
