package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;

class BiquadEffectTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new BiquadEffect();
    }

    private static double gain(double frequency, int type, double f0, double q, double gainDb) {
        return Levels.gainDb(new BiquadEffect(), 48000, frequency, Map.of(StandardEffects.TYPE, (double) type,
                StandardEffects.FREQUENCY, f0, StandardEffects.Q, q, StandardEffects.GAIN, gainDb));
    }

    @Test
    void peakingSixDbAtOneKilohertzIsLocal() {
        double atPeak = gain(1000, 0, 1000, 2, 6);
        double below = gain(250, 0, 1000, 2, 6);
        double above = gain(4000, 0, 1000, 2, 6);
        System.out.printf("BIQUAD peak +6 dB Q 2: 1 kHz %.3f dB, 250 Hz %.3f dB, 4 kHz %.3f dB%n", atPeak, below, above);
        assertEquals(6, atPeak, 0.5);
        assertEquals(0, below, 0.5);
        assertEquals(0, above, 0.5);
    }

    @Test
    void cookbookResponsesAtTheirCornerFrequency() {
        double q = Math.sqrt(0.5);
        assertEquals(-3.01, gain(2000, 3, 2000, q, 0), 0.05, "low-pass -3 dB at f0");
        assertEquals(-3.01, gain(300, 4, 300, q, 0), 0.05, "high-pass -3 dB at f0");
        assertEquals(0, gain(1500, 5, 1500, 4, 0), 0.05, "band-pass 0 dB at f0");
        assertTrue(gain(150, 5, 1500, 4, 0) < -20, "band-pass rejects a decade away");
        assertEquals(-12, gain(30, 1, 500, q, -12), 0.3, "low shelf reaches its gain far below f0");
        assertEquals(9, gain(15000, 2, 1000, q, 9), 0.3, "high shelf reaches its gain far above f0");
        assertEquals(0, gain(15000, 1, 500, q, -12), 0.1, "low shelf leaves the highs");
        assertTrue(gain(8000, 3, 1000, q, 0) < -30, "low-pass: 12 dB/octave");
    }

    @Test
    void typeChangeCrossfadesWithoutAJump() {
        int rate = 48000;
        EffectHarness h = new EffectHarness(new BiquadEffect(), rate, 1, 256);
        h.set(StandardEffects.TYPE, 3).set(StandardEffects.FREQUENCY, 500);
        h.setAt(rate / 2, StandardEffects.TYPE, 4);
        float[] tone = Levels.tone(rate, rate, 500, 0.5, 0);
        float[] out = h.process(new float[][] {tone})[0];
        // Low-pass and high-pass at 500 Hz have opposite phase there: an unfaded switch jumps by ~0.7.
        double jump = BaseEffectTestCase.maxSecondDifference(out, rate / 4);
        assertTrue(jump < 0.01, "second difference " + jump);
        assertEquals(Levels.amplitude(out, rate / 4, rate / 2 - 10, 500, rate),
                Levels.amplitude(out, rate * 3 / 4, rate, 500, rate), 0.01, "both types -3 dB at f0");
    }
}
