package org.segue.sample.effect.bitcrusher.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;
import org.segue.api.testkit.Signals;

/**
 * What the bitcrusher does to signals whose answer we can work out by hand. The harness feeds the
 * effect block by block, as Segue's engine does, and {@code set(...)} before the first block makes a
 * parameter start at that value (no smoothing).
 */
class BitcrusherSoundTest {

    private static final int RATE = 48000;

    /** A straight line from -1 to 1: every possible input level, in order. */
    private static float[] ramp(int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (-1 + 2.0 * i / (frames - 1));
        }
        return x;
    }

    private static EffectHarness crusher(double bits, double downsample, double mix) {
        return new EffectHarness(new BitcrusherEffect(), RATE, 1, 512)
                .set(BitcrusherEffect.BITS, bits).set(BitcrusherEffect.DOWNSAMPLE, downsample).set(BitcrusherEffect.MIX, mix);
    }

    @Test
    void threeBitsLeaveNineLevelsOnARamp() {
        float[] in = ramp(4001);
        float[] out = crusher(3, 1, 1).process(new float[][] {in})[0];
        // 3 bits: step 2^(1-3) = 0.25, so the levels are -1, -0.75, ..., 0.75, 1.
        TreeSet<Float> levels = new TreeSet<>();
        for (int i = 0; i < in.length; i++) {
            levels.add(out[i]);
            assertEquals(Math.rint(in[i] * 4) / 4, out[i], 1e-7, "frame " + i + " is the input rounded to a quarter");
            assertTrue(Math.abs(out[i] - in[i]) <= 0.125 + 1e-7, "never more than half a step away");
        }
        assertEquals(9, levels.size(), "levels " + levels);
        assertEquals(-1f, levels.first());
        assertEquals(1f, levels.last());
    }

    @Test
    void moreBitsMeanLessQuantisationNoise() {
        float[] in = Signals.sine(RATE, 0.5, 440, 0.8).audio()[0];
        double previous = Double.MAX_VALUE;
        for (int bits = 6; bits <= 14; bits += 4) {
            float[] out = crusher(bits, 1, 1).process(new float[][] {in.clone()})[0];
            double noise = 0;
            for (int i = 0; i < in.length; i++) {
                noise += (out[i] - in[i]) * (out[i] - in[i]);
            }
            double rms = Math.sqrt(noise / in.length);
            // A uniform quantiser's error has an rms of step / sqrt(12).
            double expected = Math.pow(2, 1 - bits) / Math.sqrt(12);
            assertEquals(expected, rms, expected * 0.15, bits + " bits: noise rms");
            assertTrue(rms < previous, "more bits, less noise");
            previous = rms;
        }
    }

    @Test
    void downsamplingHoldsEachSampleForThatManyFrames() {
        float[] in = Signals.sine(RATE, 0.1, 997, 0.5).audio()[0];
        float[] out = crusher(16, 4, 1).process(new float[][] {in})[0];
        double q = Math.pow(2, -15);
        for (int i = 0; i < in.length; i++) {
            int sampledAt = i - i % 4; // frames 0, 4, 8... are sampled, the three after each are held
            assertEquals(in[sampledAt], out[i], q / 2 + 1e-7, "frame " + i + " holds frame " + sampledAt);
        }
    }

    @Test
    void fractionalDownsamplingAlternatesHolds() {
        float[] in = ramp(1000);
        float[] out = crusher(16, 2.5, 1).process(new float[][] {in})[0];
        // Count runs of equal output: at 2.5 they are 3, 2, 3, 2... frames long (2.5 on average).
        int runs = 1;
        for (int i = 1; i < out.length; i++) {
            if (out[i] != out[i - 1]) {
                runs++;
            }
        }
        assertEquals(1000 / 2.5, runs, 1, "one new sample every 2.5 frames");
    }

    @Test
    void mixAtZeroIsTheUntouchedInput() {
        float[][] in = Signals.mix(Signals.chord(RATE, 0.5, 0.5, 57, 60, 64), Signals.noise(RATE, 0.5, 0.05, 7)).audio();
        float[] out = crusher(1, 32, 0).process(new float[][] {in[0].clone()})[0];
        assertArrayEquals(in[0], out, "bit for bit");
    }

    @Test
    void halfMixIsHalfwayBetweenDryAndCrushed() {
        float[] in = ramp(2000);
        float[] crushed = crusher(2, 1, 1).process(new float[][] {in.clone()})[0];
        float[] half = crusher(2, 1, 0.5).process(new float[][] {in.clone()})[0];
        for (int i = 0; i < in.length; i++) {
            assertEquals((in[i] + crushed[i]) / 2, half[i], 1e-6, "frame " + i);
        }
    }

    @Test
    void aBitDepthChangeSlidesOverTwentyMilliseconds() {
        float[] in = Signals.sine(RATE, 0.2, 440, 0.9).audio()[0];
        EffectHarness h = crusher(16, 1, 1);
        h.setAt(RATE / 20, BitcrusherEffect.BITS, 1); // at 50 ms, jump to 1 bit
        float[] out = h.process(new float[][] {in})[0];
        // Just after the change the depth is still near 16 bits: the output stays close to the input.
        int justAfter = RATE / 20 + 10;
        assertEquals(in[justAfter], out[justAfter], 0.01, "no jump at the change");
        // After the slide (20 ms = 960 frames) only -1, 0 and 1 are left.
        for (int i = RATE / 20 + 960; i < in.length; i++) {
            assertTrue(out[i] == -1 || out[i] == 0 || out[i] == 1, "frame " + i + ": " + out[i]);
        }
        assertTrue(Levels.allFinite(out));
    }
}
