package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.Levels;

class Eq3EffectTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new Eq3Effect();
    }

    private static double gain(int rate, double frequency, double low, double mid, double high) {
        return Levels.gainDb(new Eq3Effect(), rate, frequency,
                Map.of(StandardEffects.EQ3_LOW, low, StandardEffects.EQ3_MID, mid, StandardEffects.EQ3_HIGH, high));
    }

    @Test
    void midBoostIsSixDbAtOneKilohertzAndLocal() {
        for (int rate : new int[] {44100, 48000, 96000}) {
            double atPeak = gain(rate, 1000, 0, 6, 0);
            double below = gain(rate, 250, 0, 6, 0);
            double above = gain(rate, 4000, 0, 6, 0);
            System.out.printf("EQ3 mid +6 dB at %d Hz: 1 kHz %.3f dB, 250 Hz %.3f dB, 4 kHz %.3f dB%n",
                    rate, atPeak, below, above);
            assertEquals(6, atPeak, 0.5, "mid +6 dB at 1 kHz");
            assertEquals(0, below, 0.5, "unchanged two octaves below");
            assertEquals(0, above, 0.5, "unchanged two octaves above");
        }
    }

    @Test
    void lowKillRemovesBassAndKeepsHighs() {
        double bass = gain(48000, 50, -26, 0, 0);
        double highs = gain(48000, 5000, -26, 0, 0);
        System.out.printf("EQ3 low kill: 50 Hz %.1f dB, 5 kHz %.3f dB%n", bass, highs);
        assertTrue(bass <= -20, "50 Hz at least 20 dB down: " + bass);
        assertEquals(0, highs, 1, "5 kHz within 1 dB");
    }

    @Test
    void highAndMidKillsRemoveTheirBands() {
        assertTrue(gain(48000, 12000, 0, 0, -26) <= -20, "12 kHz killed by the high kill");
        assertEquals(0, gain(48000, 60, 0, 0, -26), 1, "60 Hz kept by the high kill");
        assertTrue(gain(48000, 800, 0, -26, 0) <= -20, "800 Hz killed by the mid kill");
    }

    @Test
    void flatAtZeroAndBandsSumToUnity() {
        for (double f : new double[] {40, 200, 700, 3000, 9000, 16000}) {
            assertEquals(0, gain(48000, f, 0, 0, 0), 0.01, "flat at " + f + " Hz");
        }
        assertEquals(-6.47, gain(48000, 60, -6, 0, 0), 0.3, "a -6 dB low cut is about -6 dB in the band");
    }

    @Test
    void cutGainMapsTheBottomToSilence() {
        assertEquals(0, Eq3Processor.cutGain(-26), 1e-12);
        assertEquals(1, Eq3Processor.cutGain(0), 1e-12);
        assertEquals(1, Eq3Processor.cutGain(6), 1e-12);
        assertTrue(Eq3Processor.cutGain(-12) > Eq3Processor.cutGain(-13));
    }
}
