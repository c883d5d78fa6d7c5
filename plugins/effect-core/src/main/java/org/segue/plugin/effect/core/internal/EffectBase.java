package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.segue.api.audio.AudioBlock;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterChanges;
import org.segue.api.effect.ParameterDescriptor;

/**
 * What every core processor shares: parameter events applied at their frame, smoothing, and the
 * split of each block into sub-blocks of at most {@link #SUB_BLOCK} frames.
 *
 * <p>Each parameter has a {@link Smoother} that ramps in control travel ({@code 0..1}, see
 * {@link ParameterDescriptor#toNormalized}), so a frequency sweeps evenly in octaves and a gain
 * evenly in dB. For each sub-block {@link #render} sees the plain values at its start
 * ({@link #start}) and end ({@link #end}): enough to interpolate a gain per sample and to recompute
 * filter coefficients once per sub-block, which keeps transcendental functions off the per-sample
 * path without audible steps. Events split sub-blocks, so they apply at their exact frame.
 *
 * <p>Real-time: {@link #process} and {@link #reset} only touch arrays made in {@link #prepare};
 * bad input (unknown parameter, NaN value, offset outside the block) is ignored or clamped, never
 * thrown, because an exception would make the engine bypass the effect for the session.
 */
abstract class EffectBase implements EffectProcessor {

    /** The most frames between two coefficient updates: 0.7 ms at 48 kHz. */
    static final int SUB_BLOCK = 32;

    /** The default smoothing time of a parameter step. */
    static final double RAMP_SECONDS = 0.02;

    private final ParameterDescriptor[] parameters;
    private final Smoother[] smoothers;
    /** Plain parameter values at the start of the current sub-block. */
    protected final double[] start;
    /** Plain parameter values at the end of the current sub-block. */
    protected final double[] end;
    protected int sampleRate;
    protected int channels;
    /** The channels of the block being processed: the prepared count, unless the block has fewer. */
    protected int blockChannels;
    private boolean fresh;
    private boolean prepared;

    EffectBase(EffectDescriptor descriptor) {
        List<ParameterDescriptor> list = descriptor.parameters();
        parameters = list.toArray(new ParameterDescriptor[0]);
        smoothers = new Smoother[parameters.length];
        for (int i = 0; i < smoothers.length; i++) {
            smoothers[i] = new Smoother();
        }
        start = new double[parameters.length];
        end = new double[parameters.length];
    }

    /** [control] Allocates the state for this stream; the parameters are at their defaults. */
    protected abstract void allocate(int sampleRate, int channels);

    /** [any] Zeroes filter memories, delay lines and envelopes, as for a fresh stream. */
    protected abstract void clearState();

    /**
     * [audio] Processes frames {@code from..to} (at most {@link #SUB_BLOCK}) of the block in place,
     * with parameters moving from {@link #start} to {@link #end}.
     */
    protected abstract void render(AudioBlock block, int from, int to);

    /** The smoothing time of a parameter in seconds; 0 applies steps at once. */
    protected double rampSeconds(int parameter) {
        return RAMP_SECONDS;
    }

    @Override
    public final void prepare(int sampleRate, int channels, int maxFrames) {
        if (sampleRate < 1 || channels < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("sample rate, channels and frames must be positive");
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        for (int i = 0; i < parameters.length; i++) {
            smoothers[i].setRampFrames((int) Math.round(rampSeconds(i) * sampleRate));
            smoothers[i].snap(parameters[i].toNormalized(parameters[i].defaultValue()));
            start[i] = end[i] = parameters[i].defaultValue();
        }
        allocate(sampleRate, channels);
        clearState();
        fresh = true;
        prepared = true;
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public final void reset() {
        if (!prepared) {
            return;
        }
        for (int i = 0; i < parameters.length; i++) {
            smoothers[i].finish();
            start[i] = end[i] = plain(i);
        }
        clearState();
        fresh = true;
    }

    @Override
    public final void process(AudioBlock block, ParameterChanges changes) {
        if (!prepared) {
            return;
        }
        int frames = block.frames();
        blockChannels = Math.min(channels, block.channelCount());
        int count = changes == null ? 0 : changes.size();
        int event = 0;
        int position = 0;
        while (position < frames) {
            while (event < count && changes.frameOffset(event) <= position) {
                apply(changes.parameterIndex(event), changes.value(event), fresh && changes.frameOffset(event) <= 0);
                event++;
            }
            int stop = Math.min(frames, position + SUB_BLOCK);
            if (event < count) {
                stop = Math.min(stop, changes.frameOffset(event));
            }
            for (int i = 0; i < parameters.length; i++) {
                start[i] = end[i];
                if (smoothers[i].moving()) {
                    smoothers[i].advance(stop - position);
                    end[i] = plain(i);
                }
            }
            render(block, position, stop);
            position = stop;
        }
        // Events past the block's end break the contract; honour them rather than lose them.
        while (event < count) {
            apply(changes.parameterIndex(event), changes.value(event), false);
            event++;
        }
        fresh = false;
    }

    private void apply(int index, double value, boolean immediately) {
        if (index < 0 || index >= parameters.length || Double.isNaN(value)) {
            return;
        }
        double travel = parameters[index].toNormalized(value);
        if (immediately) {
            smoothers[index].snap(travel);
            start[index] = end[index] = plain(index);
        } else {
            smoothers[index].setTarget(travel);
            if (!smoothers[index].moving()) {
                end[index] = plain(index);
            }
        }
    }

    /**
     * Whether {@code from} is the first sub-block after prepare or reset, when changes at offset 0
     * have been applied at once: effects with discrete state (a filter type, a delay tap) jump
     * there instead of crossfading.
     */
    protected final boolean starting(int from) {
        return fresh && from == 0;
    }

    private double plain(int index) {
        return parameters[index].fromNormalized(smoothers[index].value());
    }

    /** Linear interpolation between {@code a} and {@code b} at {@code i + 1} of {@code n} steps. */
    static double ramp(double a, double b, int i, int n) {
        return a + (b - a) * (i + 1) / n;
    }
}
