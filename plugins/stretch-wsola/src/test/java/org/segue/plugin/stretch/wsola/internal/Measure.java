package org.segue.plugin.stretch.wsola.internal;

import java.util.ArrayList;
import java.util.List;

/** Measurements with known-truth signals: frequency, extent, onsets, smear, SNR. */
final class Measure {

    private Measure() {
    }

    /** Frequency from rising zero crossings (linearly interpolated) in {@code [from, to)}. */
    static double frequency(float[] x, int from, int to, int sampleRate) {
        double first = -1;
        double last = -1;
        int count = 0;
        for (int i = Math.max(1, from); i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double crossing = i - 1 + x[i - 1] / (double) (x[i - 1] - x[i]);
                if (first < 0) {
                    first = crossing;
                }
                last = crossing;
                count++;
            }
        }
        return count < 2 ? 0 : (count - 1) * sampleRate / (last - first);
    }

    /** First and last frame whose magnitude exceeds {@code threshold}, or {-1, -1}. */
    static int[] extent(float[] x, int frames, float threshold) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < frames; i++) {
            if (Math.abs(x[i]) > threshold) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return new int[] {first, last};
    }

    /** Onsets: frames where |x| first exceeds {@code threshold} after at least {@code gap} frames below it. */
    static List<Integer> onsets(float[] x, int frames, float threshold, int gap) {
        List<Integer> result = new ArrayList<>();
        int lastLoud = -gap - 1;
        for (int i = 0; i < frames; i++) {
            if (Math.abs(x[i]) > threshold) {
                if (i - lastLoud > gap) {
                    result.add(i);
                }
                lastLoud = i;
            }
        }
        return result;
    }

    /** Share of the energy in {@code [onset - before, onset + after)} that lies in {@code [onset, onset + within)}. */
    static double energyShare(float[] x, int onset, int before, int after, int within) {
        double inside = 0;
        double total = 0;
        for (int i = Math.max(0, onset - before); i < Math.min(x.length, onset + after); i++) {
            double e = x[i] * (double) x[i];
            total += e;
            if (i >= onset && i < onset + within) {
                inside += e;
            }
        }
        return total == 0 ? 0 : inside / total;
    }

    /** SNR in dB of {@code y[i]} against the reference {@code x[i - shift]} over {@code [from, to)}. */
    static double snr(float[] x, float[] y, int shift, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            double ref = x[i - shift];
            double d = y[i] - ref;
            signal += ref * ref;
            noise += d * d;
        }
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
    }

    static boolean allFinite(float[][] x, int frames) {
        for (float[] c : x) {
            for (int i = 0; i < frames; i++) {
                if (!Float.isFinite(c[i])) {
                    return false;
                }
            }
        }
        return true;
    }
}
