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
    private final EffectProcessor processor;
    private final Changes changes;
    private final double[] current;
    private boolean bypassed;
    private boolean active;

    EffectSlot(Effect effect, int sampleRate, int channels, int maxFrames) {
        this.descriptor = effect.descriptor();
        this.id = descriptor.id();
        this.processor = effect.newProcessor();
        processor.prepare(sampleRate, channels, maxFrames);
        this.changes = new Changes(Math.max(1, descriptor.parameters().size()));
        this.current = new double[descriptor.parameters().size()];
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
        if (active && !on && !bypassed) {
            try {
                processor.reset();
            } catch (RuntimeException e) {
                bypassed = true;
            }
        }
        active = on;
    }

    /** Processes the block in place with the queued changes, then clears them; does nothing while inactive. */
    void process(PlanarBuffer block) {
        if (active && !bypassed) {
            try {
                processor.process(block, changes);
            } catch (RuntimeException e) {
                bypassed = true;
            }
        }
        changes.clear();
    }

    boolean bypassed() {
        return bypassed;
    }
}
