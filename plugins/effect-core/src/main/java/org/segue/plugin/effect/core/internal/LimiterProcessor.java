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

    private DelayLine[] lines;
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
        average = new double[lookahead];
    }

    @Override
    protected void clearState() {
        for (DelayLine line : lines) {
            line.clear();
        }
        minimum.clear();
        Arrays.fill(average, 1);
        averageSum = lookahead;
        averageIndex = 0;
        released = 1;
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        double release = Math.exp(-1000 / (end[RELEASE] * sampleRate));
        double margin = Dsp.dbToGain(-MARGIN_DB);
        int n = to - from;
        int count = blockChannels;
        for (int i = 0; i < n; i++) {
            double ceiling = Dsp.dbToGain(ramp(start[CEILING], end[CEILING], i, n));
            double peak = 0;
            for (int c = 0; c < count; c++) {
                DelayLine line = lines[c];
                line.write(block.channel(c)[from + i]);
                peak = Math.max(peak, Math.abs(line.read(HALF_TAPS + 1)));
                for (int p = 0; p < 3; p++) {
                    double[] taps = PHASES[p];
                    double v = 0;
                    // taps[j + K - 1] weighs sample (now - K + j), which is read(K - j + 1).
                    for (int t = 0; t < taps.length; t++) {
                        v += taps[t] * line.read(2 * HALF_TAPS - t);
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
                block.channel(c)[from + i] = y > max ? max : y < -max ? -max : y;
            }
        }
    }
}
