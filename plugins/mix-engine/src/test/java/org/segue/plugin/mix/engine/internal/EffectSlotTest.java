package org.segue.plugin.mix.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.audio.AudioBlock;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterChanges;
import org.segue.support.audio.PlanarBuffer;

/** Effects ring out after their transition instead of being cut. */
class EffectSlotTest {
    private static final int RATE = 1000;
    private static final int BLOCK = 100;

    /** A feedback delay of 0.1 s: each repeat at half the level, like an echo's tail. */
    static final class Delay implements Effect {
        int resets;

        @Override
        public EffectDescriptor descriptor() {
            return new EffectDescriptor("test.delay/1", "Delay", "delay", List.of());
        }

        @Override
        public EffectProcessor newProcessor() {
            return new EffectProcessor() {
                float[] line = new float[BLOCK];
                int at;

                @Override
                public void prepare(int sampleRate, int channels, int maxFrames) {
                    line = new float[BLOCK];
                }

                @Override
                public int latencyFrames() {
                    return 0;
                }

                @Override
                public void process(AudioBlock block, ParameterChanges changes) {
                    for (int i = 0; i < block.frames(); i++) {
                        float out = block.channel(0)[i] + 0.5f * line[at];
                        line[at] = out;
                        at = (at + 1) % line.length;
                        block.channel(0)[i] = out;
                        block.channel(1)[i] = out;
                    }
                }

                @Override
                public void reset() {
                    java.util.Arrays.fill(line, 0);
                    resets++;
                }
            };
        }
    }

    private static PlanarBuffer block(float first) {
        PlanarBuffer b = new PlanarBuffer(2, BLOCK, RATE);
        b.clear(BLOCK);
        b.data[0][0] = first;
        b.data[1][0] = first;
        b.set(BLOCK, 0);
        return b;
    }

    @Test
    void aReleasedEchoRingsOutUntilSilentThenStops() {
        Delay delay = new Delay();
        EffectSlot slot = new EffectSlot(delay, RATE, 2, BLOCK);
        slot.active(true);
        slot.process(block(1f));
        slot.release(10 * RATE);
        assertTrue(slot.ringing());
        PlanarBuffer silence = block(0f);
        slot.process(silence);
        assertEquals(0.5f, silence.data[0][0], 1e-6, "the first repeat after the input stopped");
        int blocks = 1;
        while (slot.ringing() && blocks < 200) {
            slot.process(block(0f));
            blocks++;
        }
        assertFalse(slot.ringing());
        // 0.5^n < 1e-4 after 14 repeats, then 0.25 s of silence: about 14 + 3 blocks, far below the budget.
        assertTrue(blocks >= 14 && blocks <= 20, "rang for " + blocks + " blocks");
        assertEquals(1, delay.resets, "reset once, when the tail has died away");
        slot.process(block(1f));
        PlanarBuffer after = block(1f);
        slot.process(after);
        assertEquals(1f, after.data[0][0], 1e-6, "inactive again: no repeat of the block before");
    }

    @Test
    void theTailIsCutAtTheBudgetWhenItDoesNotDie() {
        EffectSlot slot = new EffectSlot(new Delay(), RATE, 2, BLOCK);
        slot.active(true);
        slot.release(3 * BLOCK);
        for (int i = 0; i < 3; i++) {
            assertTrue(slot.ringing(), "block " + i);
            slot.process(block(1f));
        }
        assertFalse(slot.ringing(), "stopped at the budget although the input never went silent");
    }

    @Test
    void activatingAgainCancelsTheRingOut() {
        EffectSlot slot = new EffectSlot(new Delay(), RATE, 2, BLOCK);
        slot.active(true);
        slot.release(10 * RATE);
        slot.active(true);
        assertFalse(slot.ringing());
        for (int i = 0; i < 100; i++) {
            slot.process(block(0f));
        }
        assertFalse(slot.ringing(), "an active effect never stops by itself");
        slot.process(block(1f));
        PlanarBuffer b = block(1f);
        slot.process(b);
        assertEquals(1.5f, b.data[0][0], 1e-6, "still echoing the block before");
    }

    @Test
    void processingWithItsTimingAllocatesNothing() {
        org.segue.api.testkit.AllocationMeter meter = org.segue.api.testkit.AllocationMeter.forCurrentThread();
        org.junit.jupiter.api.Assumptions.assumeTrue(meter != null, "this JVM cannot count allocations");
        EffectSlot slot = new EffectSlot(new Delay(), RATE, 2, BLOCK);
        slot.active(true);
        PlanarBuffer b = block(1);
        long least = meter.leastAllocatedBy(5, () -> {
            for (int i = 0; i < 20_000; i++) {
                slot.process(b);
            }
        });
        assertEquals(0, least, "bytes allocated by 20 000 timed blocks");
        assertTrue(slot.used() && slot.nanos() > 0, "the time was counted");
    }
}
