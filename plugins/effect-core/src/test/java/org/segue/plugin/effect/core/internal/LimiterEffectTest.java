package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;

class LimiterEffectTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new LimiterEffect();
    }

    /**
     * Loud program: sines at random frequencies and phases up to +12 dBFS, and full-scale clicks;
     * it starts and stops abruptly, then 0.1 s of silence lets the limiter's output ring out, so
     * the measurement does not cut it off mid-waveform (a cut has inter-sample overs of its own).
     */
    private float[][] loudProgram(int rate, double seconds, SplittableRandom random) {
        int frames = (int) (seconds * rate);
        float[][] audio = new float[2][frames + rate / 10];
        for (int c = 0; c < 2; c++) {
            double[] f = new double[4];
            double[] phase = new double[4];
            for (int k = 0; k < 4; k++) {
                f[k] = 40 * Math.pow(400, random.nextDouble()); // 40 Hz .. 16 kHz
                phase[k] = 2 * Math.PI * random.nextDouble();
            }
            for (int i = 0; i < frames; i++) {
                double swell = 0.5 + 0.5 * Math.sin(2 * Math.PI * 0.7 * i / rate + c);
                double v = 0;
                for (int k = 0; k < 4; k++) {
                    v += Math.sin(2 * Math.PI * f[k] * i / rate + phase[k]);
                }
                audio[c][i] = (float) (swell * v);
            }
            for (int click = 0; click < 40; click++) {
                int at = random.nextInt(frames - 8);
                double sign = random.nextBoolean() ? 1 : -1;
                switch (click % 3) {
                    case 0 -> audio[c][at] = (float) sign;
                    case 1 -> {
                        audio[c][at] = (float) sign;
                        audio[c][at + 1] = (float) -sign;
                    }
                    default -> {
                        for (int j = 0; j < 6; j++) {
                            audio[c][at + j] = (float) (sign * (j % 2 == 0 ? 1 : -1) * (1 - j / 8.0));
                        }
                    }
                }
            }
        }
        return audio;
    }

    @Test
    void outputTruePeakNeverExceedsTheCeiling() {
        SplittableRandom random = new SplittableRandom(seed());
        double worst = Double.NEGATIVE_INFINITY;
        for (int rate : new int[] {44100, 48000, 96000}) {
            for (double ceiling : new double[] {-1, -0.1, -6}) {
                EffectHarness h = new EffectHarness(new LimiterEffect(), rate, 2, 512);
                h.set(StandardEffects.LIMITER_CEILING, ceiling).set(StandardEffects.RELEASE, 1 + 200 * random.nextDouble());
                float[][] out = h.process(loudProgram(rate, 3, random));
                for (float[] ch : out) {
                    double samplePeak = Levels.db(Levels.peak(ch, 0, ch.length));
                    double truePeak = Levels.db(Levels.truePeak(ch));
                    worst = Math.max(worst, truePeak - ceiling);
                    assertTrue(samplePeak <= ceiling + 1e-6, "sample peak " + samplePeak + " dBFS over " + ceiling);
                    assertTrue(truePeak <= ceiling + 1e-6, "true peak " + truePeak + " dBTP over " + ceiling
                            + " at " + rate + " Hz, seed " + seed());
                }
            }
        }
        System.out.printf("LIMITER worst true peak relative to the ceiling: %+.4f dB%n", worst);
    }

    @Test
    void quietInputPassesUnchangedAfterTheLatency() {
        int rate = 48000;
        EffectHarness h = new EffectHarness(new LimiterEffect(), rate, 2, 512);
        int latency = h.processor().latencyFrames();
        assertEquals(Math.round(LimiterProcessor.LOOKAHEAD_SECONDS * rate) + 2 * LimiterProcessor.HALF_TAPS - 2, latency);
        float[][] in = program(rate, 2, 1.0);
        for (float[] ch : in) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] *= 0.5f; // about -12 dBFS, true peak well under -1 dBTP
            }
        }
        float[][] out = h.process(in);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i + latency < in[c].length; i++) {
                if (out[c][i + latency] != in[c][i]) {
                    throw new AssertionError("frame " + i + ": " + out[c][i + latency] + " != " + in[c][i]);
                }
            }
            for (int i = 0; i < latency; i++) {
                assertEquals(0, out[c][i], "silence during the look-ahead");
            }
        }
    }
}
