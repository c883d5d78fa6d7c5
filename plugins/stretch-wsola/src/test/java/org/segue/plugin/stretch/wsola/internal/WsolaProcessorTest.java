package org.segue.plugin.stretch.wsola.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.segue.api.mix.StretchProcessor;
import org.segue.api.testkit.Signals;

/** Tone, length, transparency and protocol checks with synthetic signals of known truth. */
class WsolaProcessorTest {

    private static final int RATE = 44100;
    private static final int BLOCK = 512;

    private static float[][] paddedSine(double seconds, int channels) {
        float[] tone = Signals.sine(RATE, seconds, 440, 0.5).audio()[0];
        return Driver.padded(tone, RATE, 0.25, 0.25, channels);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 1.1, 0.5, 2.0})
    void stretchKeepsPitchAndScalesLength(double speed) {
        float[][] in = paddedSine(3, 1);
        Driver.Result r = Driver.render(Driver.processor(RATE, 1, BLOCK), in, speed, 0, BLOCK);
        float[] y = r.audio()[0];
        int[] inside = Measure.extent(in[0], in[0].length, 0.05f);
        int[] outside = Measure.extent(y, r.frames(), 0.05f);
        double expected = (inside[1] - inside[0]) / speed;
        double length = outside[1] - outside[0];
        int margin = RATE / 5;
        double f = Measure.frequency(y, outside[0] + margin, outside[1] - margin, RATE);
        System.out.printf("speed %.2f: %.3f Hz (%.4f%%), length %.0f vs %.0f (%.4f%%), start %d vs %.1f%n", speed, f,
                100 * (f / 440 - 1), length, expected, 100 * (length / expected - 1), outside[0],
                r.outputTime()[inside[0]]);
        assertEquals(440, f, 440 * 0.005, "frequency");
        assertEquals(expected, length, expected * 0.01, "length");
        // Beat-matching speeds put an attack within 5 ms of its time; at the extremes the attack may sit up
        // to a segment late or early in the output (see SegmentSearch), which the length check bounds.
        double tolerance = Math.abs(speed - 1) <= 0.1 ? 0.005 : 0.04;
        assertEquals(r.outputTime()[inside[0]], outside[0], RATE * tolerance, "start after latency");
    }

    @ParameterizedTest
    @CsvSource({"2, 1.0", "-3, 1.0", "12, 1.0", "-12, 1.0", "2, 1.05"})
    void pitchShiftKeepsLength(double semitones, double speed) {
        float[][] in = paddedSine(3, 1);
        Driver.Result r = Driver.render(Driver.processor(RATE, 1, BLOCK), in, speed, semitones, BLOCK);
        float[] y = r.audio()[0];
        int[] inside = Measure.extent(in[0], in[0].length, 0.05f);
        int[] outside = Measure.extent(y, r.frames(), 0.05f);
        double expected = (inside[1] - inside[0]) / speed;
        double length = outside[1] - outside[0];
        int margin = RATE / 5;
        double target = 440 * Math.pow(2, semitones / 12);
        double f = Measure.frequency(y, outside[0] + margin, outside[1] - margin, RATE);
        System.out.printf("pitch %+.0f speed %.2f: %.3f Hz vs %.3f (%.4f%%), length error %.4f%%%n", semitones, speed, f,
                target, 100 * (f / target - 1), 100 * (length / expected - 1));
        assertEquals(target, f, target * 0.005, "frequency");
        assertEquals(expected, length, expected * 0.01, "length");
    }

    @Test
    void unityIsTransparentAfterLatency() {
        float[] music = Signals.mix(Signals.chord(RATE, 4, 0.4, 57, 60, 64),
                Signals.clicks(RATE, 4, 124, 4, 0.1)).audio()[0];
        float[][] in = {music, Signals.noise(RATE, 4, 0.1, 7).audio()[0]};
        StretchProcessor p = Driver.processor(RATE, 2, BLOCK);
        Driver.Result r = Driver.render(p, in, 1.0, 0, BLOCK);
        int latency = p.latencyFrames();
        for (int c = 0; c < 2; c++) {
            double snr = Measure.snr(in[c], r.audio()[c], latency, latency, latency + music.length);
            System.out.printf("unity channel %d: SNR %.1f dB, latency %d frames%n", c, snr, latency);
            assertTrue(snr >= 30, "SNR " + snr);
        }
    }

    @Test
    void identicalChannelsStayIdentical() {
        float[] music = Signals.mix(Signals.chord(RATE, 3, 0.4, 50, 57, 62),
                Signals.clicks(RATE, 3, 128, 4, 0.05)).audio()[0];
        float[][] in = {music, music.clone()};
        Driver.Result r = Driver.render(Driver.processor(RATE, 2, BLOCK), in, t -> 0.93 + 0.02 * t, 3, BLOCK,
                new SplittableRandom(11));
        assertArrayEquals(java.util.Arrays.copyOf(r.audio()[0], r.frames()),
                java.util.Arrays.copyOf(r.audio()[1], r.frames()));
    }

    @Test
    void randomBlocksAndSpeedsLoseNothing() {
        long seed = new SplittableRandom().nextLong();
        System.out.println("randomBlocksAndSpeedsLoseNothing seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        float[] noise = Signals.noise(RATE, 6, 0.3, seed).audio()[0];
        float[] tone = Signals.chord(RATE, 6, 0.5, 45, 64).audio()[0];
        float[][] in = {Signals.mix(Signals.clicks(RATE, 6, 130, 4, 0.2), Signals.chord(RATE, 6, 0.3, 52)).audio()[0],
            tone, noise};
        double[] speeds = random.doubles(64, 0.5, 2).toArray();
        StretchProcessor p = Driver.processor(RATE, 3, BLOCK);
        Driver.Result r = Driver.render(p, in, t -> speeds[(int) (t * 10) % speeds.length],
                random.nextDouble(-12, 12), BLOCK, random);
        assertTrue(Measure.allFinite(r.audio(), r.frames()));
        // The last input frame lands at outputTime[n]; everything up to it must have come out.
        double end = r.outputTime()[in[0].length];
        int[] outside = Measure.extent(r.audio()[0], r.frames(), 0.01f);
        int[] inside = Measure.extent(in[0], in[0].length, 0.01f);
        double expectedLast = r.outputTime()[inside[1]];
        System.out.printf("random: last sound at %d, expected %.0f (end %.0f)%n", outside[1], expectedLast, end);
        // Within 1% of the duration: at the extreme rates exercised here (WSOLA rate 1/4..4) a sound may
        // sit up to about a segment off its ideal time; nothing may be lost or repeated beyond that.
        assertEquals(expectedLast, outside[1], expectedLast * 0.01);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 0", "0.5, -12", "2.0, -12", "2.0, 12", "0.5, 12", "1.03, 1"})
    void followingInputNeededNeverUnderruns(double speed, double pitch) {
        StretchProcessor p = Driver.processor(RATE, 2, BLOCK);
        p.set(speed, pitch);
        float[][] in = new float[2][BLOCK * 8];
        float[][] out = new float[2][BLOCK];
        SplittableRandom random = new SplittableRandom(5);
        long fed = 0;
        long taken = 0;
        for (int i = 0; i < 2000; i++) {
            int want = 1 + random.nextInt(BLOCK);
            int need = p.inputNeeded(want);
            while (need > 0) {
                int n = Math.min(need, BLOCK);
                p.put(in, 0, n);
                fed += n;
                need -= n;
            }
            assertEquals(want, p.take(out, 0, want), "block " + i);
            taken += want;
            assertEquals(0, p.inputNeeded(0));
        }
        // No hoarding: the input fed is what the output needs plus a bounded look-ahead.
        double expectedInput = taken * speed;
        assertTrue(fed - expectedInput < 4 * p.latencyFrames() + 4 * BLOCK, "fed " + fed + " for " + expectedInput);
        assertEquals(0, ((WsolaProcessor) p).droppedFrames());
    }

    @Test
    void lockstepAtUnitySpeedDeliversEveryFrame() {
        StretchProcessor p = Driver.processor(RATE, 2, BLOCK);
        float[][] block = new float[2][BLOCK];
        for (int i = 0; i < 500; i++) {
            p.put(block, 0, BLOCK);
            assertTrue(p.available() >= BLOCK, "block " + i + ": " + p.available());
            assertEquals(BLOCK, p.take(block, 0, BLOCK));
        }
    }
}
