package org.segue.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterDescriptor;
import org.segue.api.effect.ParameterScale;

/**
 * Conformance suite every {@link Effect} plugin's test extends: the engine's contract holds for
 * the effect. A sane descriptor; any common rate, mono or stereo, any block size; silence in gives
 * finite, quiet output without denormals; output independent of block size; random automation
 * stays finite; stepped parameters are smoothed (no zipper noise); changes in the first block after
 * prepare or reset apply at once; reset clears tails; latency is fixed while prepared; and
 * {@code process} allocates nothing. Add the effect's own accuracy tests beside these.
 *
 * <p>Random choices come from one seed per test, printed in every failure message; rerun a failure
 * with {@code -Dsegue.test.seed=<seed>}. The test methods are public so a plugin's tests can also
 * call them directly, e.g. to show that a deliberately broken effect fails them.
 */
public abstract class BaseEffectTestCase {

    private static final int[] RATES = {44100, 48000, 96000};

    private final long seed = Long.getLong("segue.test.seed", new SplittableRandom().nextLong());

    /** A fresh effect service, configured as in production. */
    protected abstract Effect newEffect();

    /** The block size the engine prepares processors with in these tests. */
    protected int maxFrames() {
        return 512;
    }

    /**
     * Whether the output with fixed parameters is the same (to float rounding) whatever the block
     * partition; true for effects that are sample-accurate, as the engine expects.
     */
    protected boolean blockSizeIndependent() {
        return true;
    }

    /** Whether silent input gives silent output (false for effects that generate sound). */
    protected boolean silentForSilence() {
        return true;
    }

    /** The seed of this test's random choices. */
    protected final long seed() {
        return seed;
    }

    /** Music-like test input: a chord with clicks on the beat, different on each channel, peak ~0.6. */
    protected float[][] program(int sampleRate, int channels, double seconds) {
        float[] left = Signals.mix(Signals.chord(sampleRate, seconds, 0.4, 57, 60, 64),
                Signals.clicks(sampleRate, seconds, 128, 4, 0.05)).audio()[0];
        float[][] audio = new float[channels][];
        audio[0] = left;
        if (channels > 1) {
            float[] right = Signals.mix(Signals.chord(sampleRate, seconds, 0.4, 52, 59, 64),
                    Signals.noise(sampleRate, seconds, 0.02, seed)).audio()[0];
            for (int c = 1; c < channels; c++) {
                audio[c] = right.clone();
            }
        }
        return audio;
    }

    private String where() {
        return newEffect().descriptor().id() + " (seed " + seed + ")";
    }

    @Test
    public void descriptorIsSane() {
        Effect effect = newEffect();
        EffectDescriptor d = effect.descriptor();
        assertNotNull(d, "descriptor");
        assertEquals(d, effect.descriptor(), "the same descriptor on every call");
        assertTrue(d.id().matches("[a-z0-9_.-]+/[0-9]+"), "id with a revision, like segue.effect.eq3/1: " + d.id());
        assertTrue(d.category().matches("[a-z]+"), "lower-case category: " + d.category());
        Set<String> ids = new HashSet<>();
        List<ParameterDescriptor> parameters = d.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            ParameterDescriptor p = parameters.get(i);
            assertTrue(ids.add(p.id()), "unique parameter id " + p.id());
            assertEquals(i, d.indexOf(p.id()), "indexOf " + p.id());
            assertTrue(Double.isFinite(p.min()) && Double.isFinite(p.max()) && p.min() < p.max(), p.id() + " range");
            assertTrue(p.defaultValue() >= p.min() && p.defaultValue() <= p.max(), p.id() + " default in range");
            assertTrue(p.scale() != ParameterScale.LOGARITHMIC || p.min() > 0, p.id() + " logarithmic needs min > 0");
            for (double t = 0; t <= 1; t += 0.125) {
                assertEquals(t, p.toNormalized(p.fromNormalized(t)), 1e-9, p.id() + " control travel round trip");
            }
        }
        assertNotSame(effect.newProcessor(), effect.newProcessor(), "a new processor per call");
    }

    @Test
    public void processesCommonRatesLayoutsAndBlockSizes() {
        SplittableRandom random = new SplittableRandom(seed);
        int max = maxFrames();
        int[] sizes = {1, 2, 3, 5, 16, 31, 64, max - 1, max, 1 + random.nextInt(max), 1 + random.nextInt(max), 7};
        for (int rate : RATES) {
            for (int channels = 1; channels <= 2; channels++) {
                EffectHarness h = new EffectHarness(newEffect(), rate, channels, max);
                float[][] out = h.process(program(rate, channels, 0.5), sizes);
                for (float[] ch : out) {
                    assertTrue(Levels.allFinite(ch), "finite output at " + rate + " Hz, " + channels + " ch: " + where());
                    assertTrue(Levels.peak(ch, 0, ch.length) < 100, "bounded output at " + rate + " Hz: " + where());
                }
            }
        }
    }

    @Test
    public void silenceGivesFiniteQuietOutputWithoutDenormals() {
        for (int rate : RATES) {
            for (int channels = 1; channels <= 2; channels++) {
                String at = " at " + rate + " Hz, " + channels + " ch: " + where();
                float[][] out = new EffectHarness(newEffect(), rate, channels, maxFrames()).silence(rate / 4);
                for (float[] ch : out) {
                    assertTrue(Levels.allFinite(ch), "finite output for silence" + at);
                    assertTrue(!silentForSilence() || Levels.peak(ch, 0, ch.length) <= 1e-6, "silence in, silence out" + at);
                }
                // A whisper at 1e-20 then silence: tails decaying through the denormal range must be
                // flushed, or they cost the CPU 10-100x and pass subnormals on to the next effect.
                EffectHarness h = new EffectHarness(newEffect(), rate, channels, maxFrames());
                float[] whisper = Signals.noise(rate, 0.05, 1e-20, seed).audio()[0];
                h.process(h.spread(whisper));
                out = h.silence(rate);
                for (float[] ch : out) {
                    assertTrue(Levels.allFinite(ch), "finite tail" + at);
                    assertTrue(!Levels.hasSubnormal(ch), "no subnormal samples in the tail of a quiet signal" + at);
                }
            }
        }
    }

    @Test
    public void outputDoesNotDependOnBlockSize() {
        assumeTrue(blockSizeIndependent(), "the effect declares itself block-size dependent");
        int rate = 48000;
        SplittableRandom random = new SplittableRandom(seed);
        float[][] in = program(rate, 2, 1.0);
        float[][] whole = new EffectHarness(newEffect(), rate, 2, maxFrames()).process(in);
        int[] sizes = new int[37];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = i % 5 == 0 ? 1 : 1 + random.nextInt(maxFrames());
        }
        float[][] pieces = new EffectHarness(newEffect(), rate, 2, maxFrames()).process(in, sizes);
        for (int c = 0; c < 2; c++) {
            double tolerance = 1e-5 * Math.max(1, Levels.peak(whole[c], 0, whole[c].length));
            for (int i = 0; i < whole[c].length; i++) {
                if (Math.abs(whole[c][i] - pieces[c][i]) > tolerance) {
                    throw new AssertionError("output at frame " + i + " depends on the block size: "
                            + whole[c][i] + " vs " + pieces[c][i] + ", " + where());
                }
            }
        }
    }

    @Test
    public void randomAutomationStaysFiniteAndBounded() {
        SplittableRandom random = new SplittableRandom(seed);
        for (int channels = 1; channels <= 2; channels++) {
            int rate = channels == 1 ? 44100 : 48000;
            EffectHarness h = new EffectHarness(newEffect(), rate, channels, maxFrames());
            List<ParameterDescriptor> parameters = h.descriptor().parameters();
            float[][] in = program(rate, channels, 3.0);
            for (long frame = 0; frame < in[0].length; frame += 1 + random.nextInt(rate / 20)) {
                int events = 1 + random.nextInt(3);
                for (int e = 0; e < events; e++) {
                    int p = random.nextInt(parameters.size());
                    if (parameters.get(p).automatable() || frame == 0) {
                        h.setIndexAt(frame, p, parameters.get(p).fromNormalized(random.nextDouble()));
                    }
                }
            }
            int[] sizes = {maxFrames(), 1 + random.nextInt(maxFrames()), 1 + random.nextInt(maxFrames()), 3};
            float[][] out = h.process(in, sizes);
            for (float[] ch : out) {
                assertTrue(Levels.allFinite(ch), "finite output under random automation: " + where());
                assertTrue(Levels.peak(ch, 0, ch.length) < 1000, "bounded output under random automation: " + where());
            }
        }
    }

    /**
     * Zipper check: each automatable parameter in turn jumps between the ends of its range on a
     * 220 Hz tone; the output's largest second difference (what a click or a zipper step shows as)
     * must stay within twice that of a reference run where the test itself moves the parameter
     * along 50 ms ramps, plus a floor of 2% of the input peak. An effect that applies a jump
     * unsmoothed steps its output by up to the input's amplitude, far above that bound.
     */
    @Test
    public void parameterStepsAreSmoothed() {
        int rate = 48000;
        SplittableRandom random = new SplittableRandom(seed);
        List<ParameterDescriptor> parameters = newEffect().descriptor().parameters();
        int pre = rate / 2;
        int every = rate / 10;
        int steps = 12;
        int frames = pre + steps * every + rate / 10;
        double amplitude = 0.5;
        float[][] in = {fadedTone(rate, frames, 220, amplitude, 0), fadedTone(rate, frames, 220, amplitude, Math.PI / 2)};
        for (int p = 0; p < parameters.size(); p++) {
            ParameterDescriptor parameter = parameters.get(p);
            if (!parameter.automatable()) {
                continue;
            }
            EffectHarness stepped = new EffectHarness(newEffect(), rate, 2, maxFrames());
            EffectHarness ramped = new EffectHarness(newEffect(), rate, 2, maxFrames());
            double previous = parameter.toNormalized(parameter.defaultValue());
            boolean high = random.nextBoolean();
            int rampFrames = rate / 20;
            int rampEvents = rampFrames / 16;
            for (int k = 0; k < steps; k++) {
                double travel = high ? 0.75 + 0.25 * random.nextDouble() : 0.25 * random.nextDouble();
                high = !high;
                long at = pre + (long) k * every + random.nextInt(every / 4);
                stepped.setIndexAt(at, p, parameter.fromNormalized(travel));
                for (int j = 1; j <= rampEvents; j++) {
                    double t = previous + (travel - previous) * j / rampEvents;
                    ramped.setIndexAt(at + 16L * j, p, parameter.fromNormalized(t));
                }
                previous = travel;
            }
            float[][] a = stepped.process(in);
            float[][] b = ramped.process(in);
            double zipper = 0;
            double reference = 0;
            for (int c = 0; c < 2; c++) {
                assertTrue(Levels.allFinite(a[c]) && Levels.allFinite(b[c]), "finite output stepping " + parameter.id() + ": " + where());
                zipper = Math.max(zipper, maxSecondDifference(a[c], pre));
                reference = Math.max(reference, maxSecondDifference(b[c], pre));
            }
            double bound = 2 * reference + 0.02 * amplitude;
            assertTrue(zipper <= bound, "stepping " + parameter.id() + " makes the output jump: second difference "
                    + zipper + " > bound " + bound + " (smoothly ramped: " + reference + "), " + where());
        }
    }

    /** The largest {@code |x[i] - 2 x[i-1] + x[i-2]|} from {@code from} on. */
    public static double maxSecondDifference(float[] x, int from) {
        double max = 0;
        for (int i = Math.max(2, from); i < x.length; i++) {
            max = Math.max(max, Math.abs((double) x[i] - 2.0 * x[i - 1] + x[i - 2]));
        }
        return max;
    }

    private static float[] fadedTone(int rate, int frames, double frequency, double amplitude, double phase) {
        float[] x = Levels.tone(rate, frames, frequency, amplitude, phase);
        int fade = rate / 20;
        for (int i = 0; i < fade; i++) {
            x[i] *= (float) (0.5 - 0.5 * Math.cos(Math.PI * i / fade));
        }
        return x;
    }

    @Test
    public void firstBlockChangesApplyAtOnceAndResetKeepsThem() {
        int rate = 48000;
        SplittableRandom random = new SplittableRandom(seed);
        List<ParameterDescriptor> parameters = newEffect().descriptor().parameters();
        double[] values = new double[parameters.size()];
        for (int p = 0; p < values.length; p++) {
            values[p] = parameters.get(p).fromNormalized(random.nextDouble());
        }
        float[][] in = program(rate, 2, 1.0);
        EffectHarness fresh = new EffectHarness(newEffect(), rate, 2, maxFrames());
        EffectHarness reused = new EffectHarness(newEffect(), rate, 2, maxFrames());
        for (int p = 0; p < values.length; p++) {
            fresh.setIndexAt(0, p, values[p]);
            reused.setIndexAt(0, p, values[p]);
        }
        float[][] expected = fresh.process(in);
        reused.process(program(rate, 2, 0.3));
        reused.reset();
        float[][] actual = reused.process(in);
        for (int c = 0; c < 2; c++) {
            double tolerance = 1e-4 * Math.max(1, Levels.peak(expected[c], 0, expected[c].length));
            for (int i = 0; i < expected[c].length; i++) {
                if (Math.abs(expected[c][i] - actual[c][i]) > tolerance) {
                    throw new AssertionError("after reset the output differs from a fresh processor's with the same"
                            + " first-block values at frame " + i + ": " + actual[c][i] + " vs " + expected[c][i]
                            + "; first-block changes must apply at once and reset must keep values, " + where());
                }
            }
        }
    }

    @Test
    public void resetClearsTails() {
        int rate = 48000;
        SplittableRandom random = new SplittableRandom(seed);
        EffectHarness h = new EffectHarness(newEffect(), rate, 2, maxFrames());
        List<ParameterDescriptor> parameters = h.descriptor().parameters();
        for (int p = 0; p < parameters.size(); p++) {
            h.setIndexAt(0, p, parameters.get(p).fromNormalized(random.nextDouble()));
        }
        h.process(program(rate, 2, 1.0));
        h.reset();
        float[][] out = h.silence(rate / 2);
        for (float[] ch : out) {
            assertTrue(Levels.allFinite(ch), "finite after reset: " + where());
            assertTrue(!silentForSilence() || Levels.peak(ch, 0, ch.length) <= 1e-6,
                    "silence after reset, no tail left: peak " + Levels.peak(ch, 0, ch.length) + ", " + where());
        }
    }

    @Test
    public void latencyIsFixedWhilePrepared() {
        SplittableRandom random = new SplittableRandom(seed);
        Effect effect = newEffect();
        List<ParameterDescriptor> parameters = effect.descriptor().parameters();
        EffectProcessor processor = effect.newProcessor();
        for (int rate : new int[] {44100, 96000, 48000}) {
            processor.prepare(rate, 2, maxFrames());
            int latency = processor.latencyFrames();
            assertTrue(latency >= 0 && latency < rate, "latency between 0 and a second: " + latency);
            BlockBuffer block = new BlockBuffer(2, maxFrames(), rate);
            float[][] in = program(rate, 2, 0.5);
            ParameterChangeList changes = new ParameterChangeList(8);
            for (int offset = 0; offset + maxFrames() <= in[0].length; offset += maxFrames()) {
                block.fill(in, offset, maxFrames());
                changes.clear();
                int p = random.nextInt(parameters.size());
                if (parameters.get(p).automatable()) {
                    changes.add(p, random.nextInt(maxFrames()), parameters.get(p).fromNormalized(random.nextDouble()));
                }
                processor.process(block, changes);
                assertEquals(latency, processor.latencyFrames(), "latency changed while prepared at " + rate + " Hz: " + where());
            }
            processor.reset();
            assertEquals(latency, processor.latencyFrames(), "latency changed by reset: " + where());
        }
    }

    /**
     * After warm-up, 1000 blocks of random sizes with random automation allocate nothing on the
     * calling thread (in the best of five runs, see the comment inside), as counted by {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}.
     */
    @Test
    public void processDoesNotAllocate() {
        AllocationMeter meter = AllocationMeter.forCurrentThread();
        assumeTrue(meter != null, "this JVM cannot count allocated bytes per thread");
        int rate = 48000;
        Effect effect = newEffect();
        ParameterDescriptor[] parameters = effect.descriptor().parameters().toArray(new ParameterDescriptor[0]);
        EffectProcessor processor = effect.newProcessor();
        processor.prepare(rate, 2, maxFrames());
        float[][] in = program(rate, 2, 2.0);
        BlockBuffer block = new BlockBuffer(2, maxFrames(), rate);
        ParameterChangeList changes = new ParameterChangeList(8);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 4; round++) {
            runBlocks(processor, parameters, in, block, changes, random, 2000);
        }
        long least = meter.leastAllocatedBy(5, () -> runBlocks(processor, parameters, in, block, changes, random, 1000));
        assertEquals(0, least, "bytes allocated by each of 5 runs of 1000 blocks of process(), at least: " + where());
    }

    private void runBlocks(EffectProcessor processor, ParameterDescriptor[] parameters, float[][] in,
            BlockBuffer block, ParameterChangeList changes, SplittableRandom random, int blocks) {
        int position = 0;
        for (int b = 0; b < blocks; b++) {
            int n = 1 + random.nextInt(maxFrames());
            if (position + n > in[0].length) {
                position = 0;
            }
            block.fill(in, position, n);
            position += n;
            changes.clear();
            int events = random.nextInt(3);
            for (int e = 0; e < events; e++) {
                int p = random.nextInt(parameters.length);
                if (parameters[p].automatable()) {
                    changes.add(p, random.nextInt(n), parameters[p].fromNormalized(random.nextDouble()));
                }
            }
            processor.process(block, changes);
        }
    }
}
