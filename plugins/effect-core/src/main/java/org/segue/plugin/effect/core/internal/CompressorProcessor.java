package org.segue.plugin.effect.core.internal;

import org.segue.api.audio.AudioBlock;

/**
 * Feed-forward compressor, stereo-linked, following the log-domain design of Giannoulis, Massberg
 * and Reiss, "Digital Dynamic Range Compressor Design - A Tutorial and Analysis" (JAES 2012).
 *
 * <p>Level detector: peak (the largest |sample| of the channels) or RMS (mean square of the
 * channels over {@value #RMS_MS} ms), blended in dB by the {@code detector} parameter (0 peak, 1 RMS).
 * Gain computer: above the threshold the level rises by {@code 1/ratio}; a soft knee of
 * {@code knee} dB joins the two lines with a parabola. Smoothing in dB, "decoupled": the reduction
 * jumps up to its new value and falls back with the release time, and that is smoothed with the
 * attack time, so attack and release act independently and a steady tone gets a steady gain.
 *
 * <p>A sine whose detected level is 10 dB over the threshold at ratio 4 (outside the knee) is
 * reduced by 10 * (1 - 1/4) = 7.5 dB.
 */
final class CompressorProcessor extends EffectBase {

    static final String KNEE = "knee";
    static final String DETECTOR = "detector";
    static final double RMS_MS = 10;
    private static final int THRESHOLD = 0, RATIO = 1, ATTACK = 2, RELEASE = 3, MAKEUP = 4, KNEE_DB = 5, BLEND = 6;
    private static final double DB_PER_NEPER = 20 / Math.log(10);

    private double meanSquare;
    private double held;
    private double reduction;
    private double rmsCoefficient;

    CompressorProcessor() {
        super(CompressorEffect.DESCRIPTOR);
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        rmsCoefficient = 1 - Math.exp(-1000 / (RMS_MS * sampleRate));
    }

    @Override
    protected void clearState() {
        meanSquare = 0;
        held = 0;
        reduction = 0;
    }

    /** The gain reduction in dB (>= 0) for a level {@code overshoot} dB above the threshold. */
    static double reductionDb(double overshoot, double ratio, double knee) {
        double slope = 1 - 1 / ratio;
        if (2 * overshoot <= -knee) {
            return 0;
        }
        if (2 * Math.abs(overshoot) < knee) {
            double t = overshoot + knee / 2;
            return slope * t * t / (2 * knee);
        }
        return slope * overshoot;
    }

    private double coefficient(double milliseconds) {
        return Math.exp(-1000 / (milliseconds * sampleRate));
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        double ratio = end[RATIO];
        double knee = end[KNEE_DB];
        double blend = end[BLEND];
        double attack = coefficient(end[ATTACK]);
        double release = coefficient(end[RELEASE]);
        int n = to - from;
        int count = blockChannels;
        for (int i = 0; i < n; i++) {
            double peak = 0;
            double square = 0;
            for (int c = 0; c < count; c++) {
                double x = block.channel(c)[from + i];
                peak = Math.max(peak, Math.abs(x));
                square += x * x;
            }
            meanSquare = Dsp.flush(meanSquare + rmsCoefficient * (square / count - meanSquare));
            double peakDb = DB_PER_NEPER * Math.log(Math.max(peak, 1e-10));
            double rmsDb = 0.5 * DB_PER_NEPER * Math.log(Math.max(meanSquare, 1e-20));
            double level = peakDb + blend * (rmsDb - peakDb);
            double target = reductionDb(level - ramp(start[THRESHOLD], end[THRESHOLD], i, n), ratio, knee);
            held = Math.max(target, release * held + (1 - release) * target);
            reduction = Dsp.flush(attack * reduction + (1 - attack) * held);
            float gain = (float) Dsp.dbToGain(ramp(start[MAKEUP], end[MAKEUP], i, n) - reduction);
            for (int c = 0; c < count; c++) {
                float[] x = block.channel(c);
                x[from + i] *= gain;
            }
        }
    }
}
