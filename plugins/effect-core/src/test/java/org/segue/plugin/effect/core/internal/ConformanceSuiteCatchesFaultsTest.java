package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.audio.AudioBlock;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterChanges;
import org.segue.api.effect.ParameterDescriptor;
import org.segue.api.effect.ParameterScale;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.testkit.BaseEffectTestCase;

/**
 * The conformance suite must fail effects that break the contract, or passing it means nothing:
 * each fault below is planted in an otherwise plain gain-plus-echo effect and must be caught.
 */
class ConformanceSuiteCatchesFaultsTest {

    enum Fault {
        NONE, UNSMOOTHED, ALLOCATES, KEEPS_TAIL_ON_RESET, BLOCK_EDGE_GLITCH, DENORMALS
    }

    /** A gain in dB with a 10 ms echo at half level; {@link Fault} says what it gets wrong. */
    static final class FaultyEffect implements Effect {
        private final Fault fault;

        FaultyEffect(Fault fault) {
            this.fault = fault;
        }

        @Override
        public EffectDescriptor descriptor() {
            return new EffectDescriptor("test.faulty/1", "Faulty", "utility", List.of(new ParameterDescriptor("gain", "Gain",
                    -26, 6, 0, ParameterUnit.DECIBEL, ParameterScale.LINEAR, true)));
        }

        @Override
        public EffectProcessor newProcessor() {
            return new FaultyProcessor(fault);
        }
    }

    static final class FaultyProcessor implements EffectProcessor {
        private final Fault fault;
        private float[][] echo;
        private int write;
        private double target = 1;
        private double gain = 1;
        private double step;
        private double decay;
        Object garbage;

        FaultyProcessor(Fault fault) {
            this.fault = fault;
        }

        @Override
        public void prepare(int sampleRate, int channels, int maxFrames) {
            echo = new float[channels][sampleRate / 100];
            step = 1.0 / (0.02 * sampleRate);
            target = gain = 1;
            write = 0;
            decay = 0;
        }

        @Override
        public int latencyFrames() {
            return 0;
        }

        @Override
        public void process(AudioBlock block, ParameterChanges changes) {
            if (fault == Fault.ALLOCATES) {
                garbage = new float[block.frames() + 1];
            }
            int event = 0;
            for (int i = 0; i < block.frames(); i++) {
                while (event < changes.size() && changes.frameOffset(event) <= i) {
                    target = Math.pow(10, changes.value(event++) / 20);
                    if (fault == Fault.UNSMOOTHED) {
                        gain = target;
                    }
                }
                gain = target > gain ? Math.min(target, gain + step) : Math.max(target, gain - step);
                for (int c = 0; c < block.channelCount(); c++) {
                    float[] x = block.channel(c);
                    float delayed = echo[c][write];
                    echo[c][write] = x[i];
                    double y = gain * (x[i] + 0.5 * delayed);
                    if (fault == Fault.DENORMALS) {
                        decay = 0.999 * decay + 0.001 * x[i];
                        y += decay;
                    }
                    x[i] = (float) (fault == Fault.BLOCK_EDGE_GLITCH && i == 0 ? 0.5 * y : y);
                }
                write = (write + 1) % echo[0].length;
            }
        }

        @Override
        public void reset() {
            if (fault != Fault.KEEPS_TAIL_ON_RESET) {
                for (float[] e : echo) {
                    java.util.Arrays.fill(e, 0);
                }
            }
            decay = 0;
            gain = target;
        }
    }

    static final class Suite extends BaseEffectTestCase {
        private final Fault fault;

        Suite(Fault fault) {
            this.fault = fault;
        }

        @Override
        protected Effect newEffect() {
            return new FaultyEffect(fault);
        }
    }

    @Test
    void theHealthyEffectPasses() {
        Suite suite = new Suite(Fault.NONE);
        suite.parameterStepsAreSmoothed();
        suite.processDoesNotAllocate();
        suite.resetClearsTails();
        suite.outputDoesNotDependOnBlockSize();
        suite.silenceGivesFiniteQuietOutputWithoutDenormals();
    }

    @Test
    void unsmoothedStepsFailTheZipperCheck() {
        assertThrows(AssertionError.class, () -> new Suite(Fault.UNSMOOTHED).parameterStepsAreSmoothed());
    }

    @Test
    void allocationInProcessIsCaught() {
        assertThrows(AssertionError.class, () -> new Suite(Fault.ALLOCATES).processDoesNotAllocate());
    }

    @Test
    void aTailLeftByResetIsCaught() {
        assertThrows(AssertionError.class, () -> new Suite(Fault.KEEPS_TAIL_ON_RESET).resetClearsTails());
    }

    @Test
    void blockSizeDependenceIsCaught() {
        assertThrows(AssertionError.class, () -> new Suite(Fault.BLOCK_EDGE_GLITCH).outputDoesNotDependOnBlockSize());
    }

    @Test
    void denormalTailsAreCaught() {
        assertThrows(AssertionError.class, () -> new Suite(Fault.DENORMALS).silenceGivesFiniteQuietOutputWithoutDenormals());
    }
}
