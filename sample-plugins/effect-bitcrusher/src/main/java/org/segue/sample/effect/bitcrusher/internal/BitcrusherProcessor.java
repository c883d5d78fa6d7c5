package org.segue.sample.effect.bitcrusher.internal;

import java.util.Arrays;

import org.segue.api.audio.AudioBlock;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterChanges;
import org.segue.api.effect.ParameterDescriptor;

/**
 * The running bitcrusher on one deck. Per frame:
 * <ol>
 * <li>Sample-rate reduction: a phase advances by {@code 1 / downsample} each frame; when it passes
 * 1 the input is sampled, otherwise the last sample is held. So {@code downsample = 4} keeps every
 * fourth frame, and fractions (2.5) alternate holds of 2 and 3 frames, which keeps the knob smooth.</li>
 * <li>Bit reduction: the sampled value is rounded to a multiple of {@code q = 2^(1 - bits)}, the step
 * of a {@code bits}-bit converter whose full scale is -1..1. Zero stays zero, so silence stays silent.</li>
 * <li>Mix: {@code dry + mix * (crushed - dry)}.</li>
 * </ol>
 *
 * <p>Real-time rules (see {@link EffectProcessor}): {@link #prepare} allocates everything;
 * {@link #process} and {@link #reset} only do arithmetic on fields and arrays made there: no
 * {@code new}, no boxing, no logging, no locks, no exceptions. Bad events (an unknown index, NaN)
 * are ignored rather than thrown, since an exception would make the engine bypass the effect.
 */
final class BitcrusherProcessor implements EffectProcessor {

    /** How long a parameter takes to reach a new value; see {@link Ramp}. */
    static final double SMOOTHING_SECONDS = 0.02;

    private final ParameterDescriptor[] parameters =
            BitcrusherEffect.DESCRIPTOR.parameters().toArray(new ParameterDescriptor[0]);
    private final Ramp bits = new Ramp();
    private final Ramp downsample = new Ramp();
    private final Ramp mix = new Ramp();
    private final Ramp[] ramps = {bits, downsample, mix};

    private int rampFrames;
    private int channels;
    /** The sample each channel holds until the phase passes 1 again. */
    private float[] held = new float[0];
    private double phase;
    /** The quantisation step for {@link #stepBits}: recomputed only when the bit depth moves. */
    private double step;
    private double stepBits = Double.NaN;
    /** True from prepare or reset until the first block is done: changes at offset 0 apply at once. */
    private boolean fresh;

    @Override
    public void prepare(int sampleRate, int channels, int maxFrames) {
        if (sampleRate < 1 || channels < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("sample rate, channels and frames must be positive");
        }
        this.channels = channels;
        this.rampFrames = (int) Math.round(SMOOTHING_SECONDS * sampleRate);
        this.held = new float[channels];
        for (int i = 0; i < ramps.length; i++) {
            ramps[i].snap(parameters[i].defaultValue());
        }
        reset();
    }

    @Override
    public int latencyFrames() {
        return 0; // the output of a frame depends on no later frame
    }

    @Override
    public void reset() {
        for (Ramp ramp : ramps) {
            ramp.finish(); // keep the values (the contract), drop the slides towards them
        }
        Arrays.fill(held, 0f);
        phase = 1; // sample the very next frame
        fresh = true;
    }

    @Override
    public void process(AudioBlock block, ParameterChanges changes) {
        int frames = block.frames();
        int blockChannels = Math.min(channels, block.channelCount());
        int events = changes == null ? 0 : changes.size();
        int event = 0;
        for (int i = 0; i < frames; i++) {
            // Events are sorted by frame offset: apply those that start at this frame.
            while (event < events && changes.frameOffset(event) <= i) {
                apply(changes.parameterIndex(event), changes.value(event), fresh && i == 0);
                event++;
            }
            double b = bits.next();
            double d = downsample.next();
            double m = mix.next();
            if (b != stepBits) {
                step = Math.pow(2, 1 - b); // only while the bit depth moves: pow is slow
                stepBits = b;
            }
            boolean sample = phase >= 1;
            if (sample) {
                phase -= Math.floor(phase);
            }
            phase += 1 / d;
            for (int c = 0; c < blockChannels; c++) {
                float[] x = block.channel(c);
                if (sample) {
                    held[c] = (float) (Math.rint(x[i] / step) * step);
                }
                double dry = x[i];
                x[i] = (float) (dry + m * (held[c] - dry));
            }
        }
        // Events past the block's end break the contract; honour them rather than lose them.
        while (event < events) {
            apply(changes.parameterIndex(event), changes.value(event), false);
            event++;
        }
        fresh = false;
    }

    private void apply(int index, double value, boolean atOnce) {
        if (index < 0 || index >= ramps.length || Double.isNaN(value)) {
            return;
        }
        double clamped = Math.max(parameters[index].min(), Math.min(parameters[index].max(), value));
        if (atOnce) {
            ramps[index].snap(clamped);
        } else {
            ramps[index].moveTo(clamped, rampFrames);
        }
    }
}
