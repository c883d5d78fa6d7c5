package org.segue.plugin.effect.core.internal;

import java.util.Arrays;

import org.segue.api.audio.AudioBlock;

/**
 * Look-ahead true-peak limiter, stereo-linked: the output's samples and its 4x oversampled
 * inter-sample values stay at or below the ceiling.
 *
 * <p>Detection: for each input sample, the largest of |sample| and the three values between it and
 * the next, interpolated by a {@value #HALF_TAPS}x2-tap Kaiser-windowed sinc per phase, over the
 * channels. The gain needed for that peak, {@code min(1, ceiling / peak)} (with a small safety
 * margin for the interpolation error), goes through:
 * <ol>
 * <li>release: falls at once, rises back with the release time;</li>
 * <li>a sliding minimum over {@code N + 2K - 1} samples ({@code N} the look-ahead, {@code K}
 * {@value #HALF_TAPS}), and</li>
 * <li>a moving average over {@code N} samples, which turns each drop into a linear ramp of
 * {@code N} samples.</li>
 * </ol>
 * The average of {@code N} minima that all include a peak's required gain is at most that gain, and
 * with the audio delayed by {@code N + 2K - 2} it holds over all {@code 2K} samples the peak's
 * interpolation depends on; an isolated peak even sees a flat gain there. So the limiter needs no
 * clipper; a sample-peak clamp at the ceiling stays as a last guard against rounding.
 *
 * <p>Latency: {@code N + 2K - 2} frames, {@code N} = {@value #LOOKAHEAD_SECONDS} s, fixed per
 * prepare. Below the ceiling the gain is exactly 1 and the output is the input, delayed.
 */
final class LimiterProcessor extends EffectBase {

    static final int HALF_TAPS = 24;
    static final double LOOKAHEAD_SECONDS = 0.0015;
    /**
     * Detection aims this far below the ceiling, for the detector's own error: against a 64-tap
     * Blackman-Harris reference, near-Nyquist clicks and abrupt onsets read up to ~0.04 dB higher.
     */
    static final double MARGIN_DB = 0.1;
    private static final int CEILING = 0, RELEASE = 1;
    private static final double[][] PHASES = phases();
    /** The most any interpolated value can exceed the largest |sample| under the filter: the sum of |taps|. */
    private static final double TAP_BOUND = tapBound();
    /** Frames detected at a time from a linear copy of the recent input (see {@link #history}). */
    private static final int CHUNK = 64;

    private DelayLine[] lines;
    /**
     * Per channel, the last {@code 2K - 1} input samples followed by the current chunk, so the
     * detection filters run over contiguous memory instead of a ring buffer: it is the costliest
     * loop of a whole mix render.
     */
    private float[][] history;
    private SlidingMinimum minimum;
    private double[] average;
    private int averageIndex;
    private double averageSum;
    private int lookahead;
    private int latency;
    private double released;

    LimiterProcessor() {
        super(LimiterEffect.DESCRIPTOR);
    }

    /** The interpolation filters for 1/4, 2/4 and 3/4 of the way to the next sample. */
    private static double[][] phases() {
        int k = HALF_TAPS;
        double beta = 6;
        double[][] phases = new double[3][2 * k];
        for (int p = 1; p <= 3; p++) {
            for (int j = -k + 1; j <= k; j++) {
                double t = j - p / 4.0;
                double r = t / k;
                double window = r * r >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
                phases[p - 1][j + k - 1] = (t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t)) * window;
            }
        }
        return phases;
    }

    private static double tapBound() {
        double bound = 0;
        for (double[] taps : PHASES) {
            double sum = 0;
            for (double t : taps) {
                sum += Math.abs(t);
            }
            bound = Math.max(bound, sum);
        }
        return Math.max(1, bound);
    }

    private static double besselI0(double x) {
        double sum = 1, term = 1;
        for (int m = 1; m < 40; m++) {
            term *= (x / (2 * m)) * (x / (2 * m));
            sum += term;
        }
        return sum;
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        lookahead = Math.max(1, (int) Math.round(LOOKAHEAD_SECONDS * sampleRate));
        latency = lookahead + 2 * HALF_TAPS - 2;
        lines = new DelayLine[channels];
        for (int c = 0; c < channels; c++) {
            lines[c] = new DelayLine(Math.max(latency + 1, 2 * HALF_TAPS + 1));
        }
        minimum = new SlidingMinimum(lookahead + 2 * HALF_TAPS - 1);
        history = new float[channels][2 * HALF_TAPS - 1 + CHUNK];
        average = new double[lookahead];
    }

    @Override
    protected void clearState() {
        for (DelayLine line : lines) {
            line.clear();
        }
        minimum.clear();
        for (float[] h : history) {
            Arrays.fill(h, 0f);
        }
        Arrays.fill(average, 1);
        averageSum = lookahead;
        averageIndex = 0;
        released = 1;
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        for (int at = from; at < to; at += CHUNK) {
            renderChunk(block, at, Math.min(to, at + CHUNK), from, to);
        }
    }

    /** Detects and limits frames {@code [a, b)} of the render range {@code [from, to)}. */
    private void renderChunk(AudioBlock block, int a, int b, int from, int to) {
        double release = Math.exp(-1000 / (end[RELEASE] * sampleRate));
        double margin = Dsp.dbToGain(-MARGIN_DB);
        int n = to - from;
        int count = blockChannels;
        int prefix = 2 * HALF_TAPS - 1;
        int frames = b - a;
        // The loudest sample the detection filters can see in this chunk: when even the filters'
        // largest gain cannot lift it to the limit, no interpolated value can, and the filters are
        // skipped (the gain is 1 either way, so the output is the same).
        float loudest = 0;
        for (int c = 0; c < count; c++) {
            float[] h = history[c];
            System.arraycopy(block.channel(c), a, h, prefix, frames);
            for (int k = 0; k < prefix + frames; k++) {
                loudest = Math.max(loudest, Math.abs(h[k]));
            }
        }
        double lowestCeiling = Dsp.dbToGain(Math.min(ramp(start[CEILING], end[CEILING], a - from, n),
                ramp(start[CEILING], end[CEILING], b - 1 - from, n)));
        boolean quiet = loudest * TAP_BOUND < lowestCeiling * margin;
        for (int i = 0; i < frames; i++) {
            double ceiling = Dsp.dbToGain(ramp(start[CEILING], end[CEILING], a - from + i, n));
            double peak = 0;
            for (int c = 0; c < count; c++) {
                float[] h = history[c];
                lines[c].write(h[prefix + i]);
                // h[i + t] is the sample the ring buffer held at read(2K - t); the centre, read(K + 1), is h[K - 1 + i].
                peak = Math.max(peak, Math.abs(h[HALF_TAPS - 1 + i]));
                if (quiet) {
                    continue;
                }
                for (int p = 0; p < 3; p++) {
                    double[] taps = PHASES[p];
                    double v = 0;
                    for (int t = 0; t < taps.length; t++) {
                        v += taps[t] * h[i + t];
                    }
                    peak = Math.max(peak, Math.abs(v));
                }
            }
            double limit = ceiling * margin;
            double needed = peak > limit ? limit / peak : 1;
            released = needed < released ? needed : needed + release * (released - needed);
            double held = minimum.push(released);
            averageSum += held - average[averageIndex];
            average[averageIndex] = held;
            if (++averageIndex == lookahead) {
                averageIndex = 0;
                averageSum = 0; // re-add exactly once per cycle, so rounding cannot drift
                for (double v : average) {
                    averageSum += v;
                }
            }
            double gain = Math.min(1, averageSum / lookahead);
            float max = (float) ceiling;
            for (int c = 0; c < count; c++) {
                float y = (float) (gain * lines[c].read(latency + 1));
                block.channel(c)[a + i] = y > max ? max : y < -max ? -max : y;
            }
        }
        for (int c = 0; c < count; c++) {
            System.arraycopy(history[c], frames, history[c], 0, prefix);
        }
    }
}
