package org.segue.plugin.effect.core.internal;

import org.segue.api.audio.AudioBlock;

/**
 * Flanger: the signal plus a copy delayed by {@value #MIN_MS} ms to {@code MIN + depth *}
 * {@value #SWEEP_MS} ms, the delay swept by a raised-cosine LFO at {@code rate} Hz (the right
 * channel a quarter cycle later, for width). The sum has comb notches at odd multiples of
 * {@code 1 / (2 * delay)} that move with the LFO; feedback (negative flips the comb) sharpens them.
 * Mix is a linear crossfade, so 0.5 gives the deepest notches.
 *
 * <p>The delay is read with linear interpolation, so it moves smoothly, and depth glides per
 * sample; a rate change keeps the LFO's phase, so nothing jumps.
 */
final class FlangerProcessor extends EffectBase {

    static final double MIN_MS = 0.25;
    static final double SWEEP_MS = 5;
    private static final int RATE = 0, DEPTH = 1, FEEDBACK = 2, MIX = 3;

    private DelayLine[] lines;
    private double phase;

    FlangerProcessor() {
        super(FlangerEffect.DESCRIPTOR);
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        lines = new DelayLine[channels];
        for (int c = 0; c < channels; c++) {
            lines[c] = new DelayLine((int) Math.ceil((MIN_MS + SWEEP_MS) * sampleRate / 1000) + 2);
        }
    }

    @Override
    protected void clearState() {
        for (DelayLine line : lines) {
            line.clear();
        }
        phase = 0;
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        int n = to - from;
        double msToFrames = sampleRate / 1000.0;
        for (int i = 0; i < n; i++) {
            double depth = ramp(start[DEPTH], end[DEPTH], i, n);
            double feedback = ramp(start[FEEDBACK], end[FEEDBACK], i, n);
            double mix = ramp(start[MIX], end[MIX], i, n);
            for (int c = 0; c < blockChannels; c++) {
                double lfo = 0.5 - 0.5 * Math.cos(2 * Math.PI * (phase + 0.25 * c));
                double delay = Math.max(1, (MIN_MS + depth * SWEEP_MS * lfo) * msToFrames);
                float[] x = block.channel(c);
                double in = x[from + i];
                double delayed = lines[c].read(delay);
                lines[c].write(Dsp.flush((float) (in + feedback * delayed)));
                x[from + i] = (float) (in + mix * (delayed - in));
            }
            phase += ramp(start[RATE], end[RATE], i, n) / sampleRate;
            if (phase >= 1) {
                phase -= 1;
            }
        }
    }
}
