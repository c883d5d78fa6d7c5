package org.segue.plugin.effect.core.internal;

import java.util.Arrays;

import org.segue.api.audio.AudioBlock;

/**
 * Reverb: four series all-pass diffusers feeding an eight-line feedback delay network (after
 * Jot and Chaigne, "Digital delay networks for designing artificial reverberators", AES 1991).
 *
 * <p>The lines (about 30 to 75 ms, lengths chosen not to share factors, so echoes do not pile up
 * on the same frames) are mixed by a Householder matrix {@code I - 2/8 * ones}: lossless, dense,
 * and eight multiply-adds per sample instead of 64. Each line's gain sets the decay,
 * {@code 10^(-3 * length / (RT60 * rate))} so every line loses 60 dB in RT60; {@code size} sets
 * RT60 from {@value #MIN_RT60} s to {@value #MAX_RT60} s (1.3 s at the default 0.5). A one-pole
 * low-pass in each line makes highs die sooner ({@code damping}). The wet level is scaled by
 * {@code sqrt(1 - g^2)}, so a longer tail is not also a louder one. Two orthogonal sign patterns
 * over the lines give decorrelated left and right outputs; mix follows the DJ law.
 */
final class ReverbProcessor extends EffectBase {

    static final double MIN_RT60 = 0.2;
    static final double MAX_RT60 = 8;
    private static final double[] LINE_MS = {29.7, 37.1, 41.1, 43.7, 53.9, 61.3, 67.9, 73.1};
    private static final double[] DIFFUSER_MS = {4.77, 3.59, 12.73, 9.31};
    private static final double DIFFUSION = 0.7;
    private static final double[] LEFT = {1, -1, 1, -1, 1, -1, 1, -1};
    private static final double[] RIGHT = {1, 1, -1, -1, 1, 1, -1, -1};
    private static final double[] INPUT = {1, 1, -1, 1, -1, -1, 1, -1};
    private static final double WET_LEVEL = 0.9;
    private static final int SIZE = 0, DAMPING = 1, MIX = 2;

    private DelayLine[] lines;
    private int[] lengths;
    private DelayLine[] diffusers;
    private int[] diffuserLengths;
    private final double[] gains = new double[8];
    /** The gains, damping and wet scale at the start of the sub-block: they glide to the new ones. */
    private final double[] gainsFrom = new double[8];
    private double dampingFrom;
    private double wetScaleFrom;
    private final double[] lowPass = new double[8];
    private final double[] outputs = new double[8];
    private double damping;
    private double designedSize = Double.NaN;
    private double designedDamping = Double.NaN;
    private double wetScale;

    ReverbProcessor() {
        super(ReverbEffect.DESCRIPTOR);
    }

    static double rt60(double size) {
        return MIN_RT60 * Math.pow(MAX_RT60 / MIN_RT60, size);
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        lines = new DelayLine[LINE_MS.length];
        lengths = new int[LINE_MS.length];
        for (int i = 0; i < lines.length; i++) {
            // Odd lengths, at least, keep common factors rare at every sample rate.
            lengths[i] = (int) Math.round(LINE_MS[i] * sampleRate / 1000) | 1;
            lines[i] = new DelayLine(lengths[i]);
        }
        diffusers = new DelayLine[DIFFUSER_MS.length];
        diffuserLengths = new int[DIFFUSER_MS.length];
        for (int i = 0; i < diffusers.length; i++) {
            diffuserLengths[i] = (int) Math.round(DIFFUSER_MS[i] * sampleRate / 1000) | 1;
            diffusers[i] = new DelayLine(diffuserLengths[i]);
        }
        designedSize = Double.NaN;
        design(end[SIZE], end[DAMPING]);
        settle();
    }

    private void settle() {
        System.arraycopy(gains, 0, gainsFrom, 0, gains.length);
        dampingFrom = damping;
        wetScaleFrom = wetScale;
    }

    @Override
    protected void clearState() {
        for (DelayLine line : lines) {
            line.clear();
        }
        for (DelayLine line : diffusers) {
            line.clear();
        }
        Arrays.fill(lowPass, 0);
        design(end[SIZE], end[DAMPING]);
        settle();
    }

    private void design(double size, double dampingAmount) {
        if (size == designedSize && dampingAmount == designedDamping) {
            return;
        }
        designedSize = size;
        designedDamping = dampingAmount;
        double rt60 = rt60(size);
        double meanSquare = 0;
        for (int i = 0; i < gains.length; i++) {
            gains[i] = Math.pow(10, -3 * lengths[i] / (rt60 * sampleRate));
            meanSquare += gains[i] * gains[i] / gains.length;
        }
        damping = 0.85 * dampingAmount;
        wetScale = WET_LEVEL * Math.sqrt(1 - meanSquare);
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        settle();
        design(end[SIZE], end[DAMPING]);
        boolean gliding = wetScale != wetScaleFrom || damping != dampingFrom;
        int n = to - from;
        int count = blockChannels;
        for (int i = 0; i < n; i++) {
            double in = 0;
            for (int c = 0; c < count; c++) {
                in += block.channel(c)[from + i];
            }
            in /= count;
            for (int d = 0; d < diffusers.length; d++) {
                DelayLine line = diffusers[d];
                double delayed = line.read(diffuserLengths[d]);
                double w = in + DIFFUSION * delayed;
                in = delayed - DIFFUSION * w;
                line.write(Dsp.flush((float) w));
            }
            double f = (i + 1) / (double) n;
            double damp = gliding ? dampingFrom + f * (damping - dampingFrom) : damping;
            double sum = 0;
            for (int l = 0; l < lines.length; l++) {
                double v = lines[l].read(lengths[l]);
                lowPass[l] = Dsp.flush(v + damp * (lowPass[l] - v));
                double g = gliding ? gainsFrom[l] + f * (gains[l] - gainsFrom[l]) : gains[l];
                outputs[l] = g * lowPass[l];
                sum += outputs[l];
            }
            double left = 0;
            double right = 0;
            double feedback = 2.0 / lines.length * sum;
            for (int l = 0; l < lines.length; l++) {
                lines[l].write(Dsp.flush((float) (outputs[l] - feedback + INPUT[l] * in)));
                left += LEFT[l] * outputs[l];
                right += RIGHT[l] * outputs[l];
            }
            double mix = ramp(start[MIX], end[MIX], i, n);
            double dry = Dsp.djDry(mix);
            double wet = Dsp.djWet(mix) * (gliding ? wetScaleFrom + f * (wetScale - wetScaleFrom) : wetScale);
            if (count == 1) {
                float[] x = block.channel(0);
                x[from + i] = (float) (dry * x[from + i] + wet * 0.5 * (left + right));
            } else {
                for (int c = 0; c < count; c++) {
                    float[] x = block.channel(c);
                    x[from + i] = (float) (dry * x[from + i] + wet * ((c & 1) == 0 ? left : right));
                }
            }
        }
    }
}
