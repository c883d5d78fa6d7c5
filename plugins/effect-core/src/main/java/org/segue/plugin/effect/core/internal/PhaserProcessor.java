package org.segue.plugin.effect.core.internal;

import java.util.Arrays;

import org.segue.api.audio.AudioBlock;

/**
 * Phaser: six first-order all-pass stages in series, mixed with the dry signal, so notches appear
 * where the stages' phase adds up to odd multiples of 180 degrees. A sine LFO at {@code rate} Hz
 * sweeps the stages' break frequency exponentially around {@value #CENTRE} Hz, over up to
 * {@value #OCTAVES} octaves at depth 1 (the right channel a quarter cycle later). Feedback from the
 * last stage to the first deepens the notches; mix is a linear crossfade (0.5 = deepest).
 *
 * <p>The coefficient {@code (tan(pi f / rate) - 1) / (tan(pi f / rate) + 1)} is recomputed every
 * {@value #UPDATE} frames counted from the stream's start, not the block's, so the output does not
 * depend on how the engine cuts blocks.
 */
final class PhaserProcessor extends EffectBase {

    static final double CENTRE = 900;
    static final double OCTAVES = 4.5;
    static final int STAGES = 6;
    static final int UPDATE = 8;
    private static final int RATE = 0, DEPTH = 1, FEEDBACK = 2, MIX = 3;

    private double[][] state;
    private double[] last;
    private final double[] coefficient = new double[2];
    private double phase;
    private long frame;

    PhaserProcessor() {
        super(PhaserEffect.DESCRIPTOR);
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        state = new double[channels][STAGES];
        last = new double[channels];
    }

    @Override
    protected void clearState() {
        for (double[] s : state) {
            Arrays.fill(s, 0);
        }
        Arrays.fill(last, 0);
        phase = 0;
        frame = 0;
    }

    private void design(double depth) {
        for (int c = 0; c < Math.min(2, channels); c++) {
            double lfo = Math.sin(2 * Math.PI * (phase + 0.25 * c));
            double f = CENTRE * Math.pow(2, 0.5 * OCTAVES * depth * lfo);
            double t = Math.tan(Math.PI * Math.min(f, 0.45 * sampleRate) / sampleRate);
            coefficient[c] = (t - 1) / (t + 1);
        }
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        int n = to - from;
        for (int i = 0; i < n; i++) {
            double depth = ramp(start[DEPTH], end[DEPTH], i, n);
            if (frame % UPDATE == 0) {
                design(depth);
            }
            double feedback = ramp(start[FEEDBACK], end[FEEDBACK], i, n);
            double mix = ramp(start[MIX], end[MIX], i, n);
            for (int c = 0; c < blockChannels; c++) {
                double a = coefficient[c & 1];
                double[] s = state[c];
                float[] x = block.channel(c);
                double in = x[from + i];
                double y = in + feedback * last[c];
                for (int k = 0; k < STAGES; k++) {
                    double out = a * y + s[k];
                    s[k] = Dsp.flush(y - a * out);
                    y = out;
                }
                last[c] = Dsp.flush(y);
                x[from + i] = (float) (in + mix * (y - in));
            }
            frame++;
            phase += ramp(start[RATE], end[RATE], i, n) / sampleRate;
            if (phase >= 1) {
                phase -= 1;
            }
        }
    }
}
