package org.segue.plugin.effect.core.internal;

import org.segue.api.audio.AudioBlock;

/**
 * One-knob DJ filter: sweep below 0 is a resonant 12 dB/octave low-pass, above 0 a high-pass.
 *
 * <p>Cutoff mapping, even in octaves over the knob's travel: low-pass
 * {@code fc = 20 Hz * 1000^(1 + sweep)} (20 kHz at 0, 632 Hz at -0.5, 20 Hz at -1); high-pass
 * {@code fc = 20 Hz * 1000^sweep} (20 Hz at 0, 632 Hz at 0.5, 20 kHz at 1). Resonance maps to
 * {@code Q = 0.707 * (8 / 0.707)^resonance}: 0 is a Butterworth response (-3 dB at {@code fc}),
 * 1 a peak of +18 dB.
 *
 * <p>Both filters (trapezoidal SVFs, see {@link Biquad}) run all the time, each parked at its open end while the other works, and within
 * {@value #DEAD_ZONE} of the centre the output fades to the dry signal: so the knob crossing 0
 * switches mode without a click, and at 0 the filter is exactly bypassed.
 */
final class FilterProcessor extends EffectBase {

    static final double DEAD_ZONE = 0.08;
    /** Sweep glides slower than other parameters: a resonant filter swept through ten octaves
     * in 20 ms chirps audibly. */
    static final double SWEEP_RAMP_SECONDS = 0.05;
    private static final double BUTTERWORTH_Q = Math.sqrt(0.5);

    private Biquad lowPass;
    private Biquad highPass;

    FilterProcessor() {
        super(FilterEffect.DESCRIPTOR);
    }

    /** The low-pass cutoff in Hz for a sweep value {@code <= 0}. */
    static double lowPassCutoff(double sweep) {
        return 20 * Math.pow(1000, 1 + Math.min(0, sweep));
    }

    /** The high-pass cutoff in Hz for a sweep value {@code >= 0}. */
    static double highPassCutoff(double sweep) {
        return 20 * Math.pow(1000, Math.max(0, sweep));
    }

    /** The filters' Q for a resonance value {@code 0..1}. */
    static double q(double resonance) {
        return BUTTERWORTH_Q * Math.pow(8 / BUTTERWORTH_Q, resonance);
    }

    @Override
    protected double rampSeconds(int parameter) {
        return parameter == 0 ? SWEEP_RAMP_SECONDS : RAMP_SECONDS;
    }

    private static double wet(double sweep) {
        return Math.min(1, Math.abs(sweep) / DEAD_ZONE);
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        lowPass = new Biquad(channels);
        highPass = new Biquad(channels);
        design(end[0], end[1], false);
    }

    @Override
    protected void clearState() {
        design(end[0], end[1], false);
        lowPass.clear();
        highPass.clear();
    }

    private void design(double sweep, double resonance, boolean glide) {
        double q = q(resonance);
        lowPass.design(Biquad.LOW_PASS, sampleRate, lowPassCutoff(sweep), q, 0, glide);
        highPass.design(Biquad.HIGH_PASS, sampleRate, highPassCutoff(sweep), q, 0, glide);
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        design(end[0], end[1], !starting(from));
        double sweep0 = start[0];
        double sweep1 = end[0];
        int n = to - from;
        for (int c = 0; c < blockChannels; c++) {
            float[] x = block.channel(c);
            for (int i = 0; i < n; i++) {
                double in = x[from + i];
                double f = (i + 1) / (double) n;
                double lp = lowPass.process(c, in, f);
                double hp = highPass.process(c, in, f);
                // Per sample, so the blend is exactly dry where a sub-block crosses 0 and the mode flips.
                double sweep = ramp(sweep0, sweep1, i, n);
                double filtered = sweep < 0 ? lp : hp;
                x[from + i] = (float) (in + wet(sweep) * (filtered - in));
            }
        }
    }
}
