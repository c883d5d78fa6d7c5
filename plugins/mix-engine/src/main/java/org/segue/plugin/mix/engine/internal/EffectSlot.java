package org.segue.plugin.mix.engine.internal;

import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterDescriptor;
import org.segue.support.audio.PlanarBuffer;

/**
 * One effect in a deck's or the master's chain, with the changes queued for the next block. A
 * processor that throws is bypassed from then on (the api says it must not; a bad plugin must not
 * stop the mix).
 */
final class EffectSlot {

    final String id;
    final EffectDescriptor descriptor;
    /** The plugin's class, whose bundle names it in the usage statistics. */
    final Class<?> pluginClass;
    private final EffectProcessor processor;
    private final Changes changes;
    private final double[] current;
    private boolean bypassed;
    private boolean active;
    /** Frames the effect may still ring out after its transition, or 0 when not ringing. */
    private long ringFramesLeft;
    /** Consecutive frames of silent output while ringing. */
    private long silentFrames;
    private final long silenceToStop;
    /** Time in the plugin's code (prepare, process, reset), summed in a plain field: no allocation per block. */
    private long nanos;
    /** Whether the effect processed audio at least once. */
    private boolean used;

    /** Output below this peak (-80 dBFS) counts as silence for ending a ring-out. */
    static final float SILENT_PEAK = 1e-4f;
    /** A ring-out ends after this much silence. */
    static final double SILENCE_SECONDS = 0.25;

    EffectSlot(Effect effect, int sampleRate, int channels, int maxFrames) {
        long start = System.nanoTime();
        this.pluginClass = effect.getClass();
        this.descriptor = effect.descriptor();
        this.id = descriptor.id();
        this.processor = effect.newProcessor();
        processor.prepare(sampleRate, channels, maxFrames);
        this.nanos = System.nanoTime() - start;
        this.changes = new Changes(Math.max(1, descriptor.parameters().size()));
        this.current = new double[descriptor.parameters().size()];
        this.silenceToStop = Math.round(sampleRate * SILENCE_SECONDS);
        for (int i = 0; i < current.length; i++) {
            current[i] = descriptor.parameters().get(i).defaultValue();
        }
    }

    int latencyFrames() {
        return processor.latencyFrames();
    }

    /** Queues a value for the next block when it differs from the current one, clamped to the range. */
    void set(String parameterId, double value) {
        int i = descriptor.indexOf(parameterId);
        if (i < 0) {
            return;
        }
        ParameterDescriptor p = descriptor.parameters().get(i);
        double v = Math.max(p.min(), Math.min(p.max(), value));
        if (v != current[i]) {
            current[i] = v;
            changes.add(i, 0, v);
        }
    }

    /**
     * Switches the effect into or out of the chain. A deck's effects sound only during the
     * transitions that automate them: outside, an echo or reverb at its default mix would colour
     * the whole track. Switching out clears the effect's state so the next use starts clean.
     */
    void active(boolean on) {
        if (active && !on) {
            reset();
        }
        active = on;
        ringFramesLeft = 0;
    }

    /**
     * Takes the effect out of the chain the way a DJ does at the end of a transition: it keeps
     * processing, its parameters as the transition left them, so an echo or reverb tail rings out
     * instead of being cut; it stops (and is reset) after {@link #SILENCE_SECONDS} of silent output
     * or {@code maxTailFrames}, whichever comes first.
     */
    void release(long maxTailFrames) {
        if (active && ringFramesLeft == 0) {
            ringFramesLeft = Math.max(1, maxTailFrames);
            silentFrames = 0;
        }
    }

    /** True while a released effect rings out. */
    boolean ringing() {
        return active && ringFramesLeft > 0;
    }

    /** Processes the block in place with the queued changes, then clears them; does nothing while inactive. */
    void process(PlanarBuffer block) {
        if (active && !bypassed) {
            used = true;
            long start = System.nanoTime();
            try {
                processor.process(block, changes);
            } catch (RuntimeException e) {
                bypassed = true;
            } finally {
                nanos += System.nanoTime() - start;
            }
            if (ringFramesLeft > 0) {
                ringDown(block);
            }
        }
        changes.clear();
    }

    private void ringDown(PlanarBuffer block) {
        int frames = block.frames();
        float peak = 0;
        for (float[] channel : block.data) {
            for (int i = 0; i < frames; i++) {
                peak = Math.max(peak, Math.abs(channel[i]));
            }
        }
        silentFrames = peak < SILENT_PEAK ? silentFrames + frames : 0;
        ringFramesLeft -= frames;
        if (ringFramesLeft <= 0 || silentFrames >= silenceToStop) {
            reset();
            active = false;
            ringFramesLeft = 0;
        }
    }

    private void reset() {
        if (!bypassed) {
            long start = System.nanoTime();
            try {
                processor.reset();
            } catch (RuntimeException e) {
                bypassed = true;
            } finally {
                nanos += System.nanoTime() - start;
            }
        }
    }

    boolean bypassed() {
        return bypassed;
    }

    /** True once the effect has processed audio: only then did it work in the mix. */
    boolean used() {
        return used;
    }

    /** Time spent in the plugin's code so far. */
    long nanos() {
        return nanos;
    }
}
