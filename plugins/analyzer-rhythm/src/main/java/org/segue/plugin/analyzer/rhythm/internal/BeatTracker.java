package org.segue.plugin.analyzer.rhythm.internal;

/**
 * Beat times by dynamic programming (Ellis 2007): the beat sequence that maximises the onset
 * strength at its beats minus a penalty, {@code tightness × log²(interval / period)}, for every
 * interval that departs from the local period.
 *
 * <p>The period may vary frame by frame (from {@link TempoPath}), so steps and ramps are tracked
 * without loosening the grip on a steady tempo. Only intervals within a third of the period are
 * considered: further ones cost more than any onset can pay for.
 */
final class BeatTracker {

    /** Ellis's tightness: how much an interval off the period costs against unit onset strength. */
    static final double TIGHTNESS = 100;
    private static final double LOW_RATIO = 0.75;
    private static final double HIGH_RATIO = 1.34;
    private static final int TABLE = 2048;

    private final double[] penalty = new double[TABLE + 1];

    BeatTracker() {
        for (int i = 0; i <= TABLE; i++) {
            double ratio = LOW_RATIO + (HIGH_RATIO - LOW_RATIO) * i / TABLE;
            double l = Math.log(ratio);
            penalty[i] = TIGHTNESS * l * l;
        }
    }

    /**
     * Tracks beats in {@code envelope[from..to)}.
     *
     * @param periods the local period (frames) for each frame of the range
     * @return beat positions in frames relative to {@code from}, increasing
     */
    double[] track(float[] envelope, int from, int to, float[] periods) {
        int n = to - from;
        if (n <= 0) {
            return new double[0];
        }
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += envelope[i];
        }
        mean /= n;
        double var = 0;
        for (int i = from; i < to; i++) {
            double d = envelope[i] - mean;
            var += d * d;
        }
        double std = Math.sqrt(var / n);
        if (!(std > 1e-9)) {
            return new double[0];
        }
        double scale = 1 / std;
        double[] score = new double[n];
        int[] back = new int[n];
        double scaleTable = TABLE / (HIGH_RATIO - LOW_RATIO);
        for (int i = 0; i < n; i++) {
            double local = envelope[from + i] * scale;
            double period = periods[i];
            int nearest = (int) Math.floor(i - HIGH_RATIO * period);
            int farthest = (int) Math.ceil(i - LOW_RATIO * period);
            double best = Double.NEGATIVE_INFINITY;
            int arg = -1;
            double inverse = 1 / period;
            for (int p = Math.max(0, nearest); p <= farthest && p < i; p++) {
                double ratio = (i - p) * inverse;
                if (ratio < LOW_RATIO || ratio > HIGH_RATIO) {
                    continue;
                }
                double v = score[p] - penalty[(int) ((ratio - LOW_RATIO) * scaleTable)];
                if (v > best) {
                    best = v;
                    arg = p;
                }
            }
            if (arg >= 0 && best > 0) {
                score[i] = local + best;
                back[i] = arg;
            } else {
                score[i] = local;
                back[i] = -1;
            }
        }
        // The last beat: the best-scoring frame within the final period.
        int last = n - 1;
        int start = Math.max(0, (int) (n - periods[n - 1]));
        for (int i = start; i < n; i++) {
            if (score[i] > score[last]) {
                last = i;
            }
        }
        int count = 0;
        for (int i = last; i >= 0; i = back[i]) {
            count++;
        }
        double[] beats = new double[count];
        for (int i = last, k = count - 1; i >= 0; i = back[i], k--) {
            beats[k] = i;
        }
        return beats;
    }
}
