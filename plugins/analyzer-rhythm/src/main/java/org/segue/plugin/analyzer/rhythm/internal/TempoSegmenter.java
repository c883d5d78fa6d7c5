package org.segue.plugin.analyzer.rhythm.internal;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.analysis.TempoSegment;

/**
 * Tempo segments from beat times: where the tempo stays put, one segment; where it steps, a new
 * segment at the step; where it ramps, a staircase of segments whose steps stay within the
 * tolerance a DJ (or a scorer) would accept.
 *
 * <p>The tempo of each beat is read from a median of nearby beat intervals, which ignores a missed
 * or doubled beat and the ±4% wobble of rubato. A segment closes when several consecutive beats
 * disagree with its running tempo by more than {@value #TOLERANCE} (relative); the new segment
 * starts at the first of them.
 */
final class TempoSegmenter {

    static final double TOLERANCE = 0.02;
    private static final int CONFIRM = 3;
    private static final int MEDIAN = 7;

    private TempoSegmenter() {
    }

    /**
     * @param beats beat times in seconds, increasing
     * @param fallbackBpm the tempo to report when there are too few beats
     */
    static List<TempoSegment> segments(double[] beats, double fallbackBpm) {
        List<TempoSegment> out = new ArrayList<>();
        int n = beats.length - 1;
        if (n < MEDIAN) {
            out.add(new TempoSegment(0, fallbackBpm));
            return out;
        }
        double[] interval = new double[n];
        for (int i = 0; i < n; i++) {
            interval[i] = beats[i + 1] - beats[i];
        }
        double[] smooth = new double[n];
        double[] window = new double[MEDIAN];
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, Math.min(i - MEDIAN / 2, n - MEDIAN));
            System.arraycopy(interval, lo, window, 0, MEDIAN);
            java.util.Arrays.sort(window);
            smooth[i] = window[MEDIAN / 2];
        }
        int segmentStart = 0;
        double sum = smooth[0];
        int count = 1;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int i = 1;
        while (i < n) {
            double mean = sum / count;
            int run = 0;
            while (i + run < n && run < CONFIRM && Math.abs(smooth[i + run] / mean - 1) > TOLERANCE
                    && Math.signum(smooth[i + run] - mean) == Math.signum(smooth[i] - mean)) {
                run++;
            }
            if (run == CONFIRM || (run > 0 && i + run == n)) {
                segmentStart = i;
                starts.add(segmentStart);
                sum = smooth[i];
                count = 1;
                i++;
                continue;
            }
            sum += smooth[i];
            count++;
            i++;
        }
        for (int s = 0; s < starts.size(); s++) {
            int a = starts.get(s);
            int b = s + 1 < starts.size() ? starts.get(s + 1) : n;
            double[] part = java.util.Arrays.copyOfRange(interval, a, b);
            java.util.Arrays.sort(part);
            double median = part.length % 2 == 1 ? part[part.length / 2]
                    : 0.5 * (part[part.length / 2 - 1] + part[part.length / 2]);
            // The mean interval is more precise than the median where no beat is missing from
            // the segment (it is then within a few percent of the median).
            double mean = (beats[b] - beats[a]) / (b - a);
            double bpm = 60 / (Math.abs(mean / median - 1) < 0.03 ? mean : median);
            double start = s == 0 ? 0 : beats[a];
            out.add(new TempoSegment(start, bpm));
        }
        return out;
    }
}
