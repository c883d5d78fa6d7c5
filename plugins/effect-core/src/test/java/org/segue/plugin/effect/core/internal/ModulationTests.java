package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;

/** The shared check of the modulation effects: a moving comb or notch on a steady tone. */
final class ModulationTests {

    private ModulationTests() {
    }

    /**
     * Runs a 1 kHz tone through the effect at mix 0.5 and no feedback; returns the spread in dB
     * between the loudest and the quietest 10 ms window of the output's 1 kHz component, after
     * checking the output is finite and not the input.
     */
    static double notchSweepDb(Effect effect, double rate) {
        int sampleRate = 48000;
        EffectHarness h = new EffectHarness(effect, sampleRate, 2, 512).set(StandardEffects.RATE, rate)
                .set(StandardEffects.DEPTH, 1).set(StandardEffects.FEEDBACK, 0).set(StandardEffects.MIX, 0.5);
        float[] tone = Levels.tone(sampleRate, 4 * sampleRate, 1000, 0.5, 0);
        float[][] out = h.process(h.spread(tone));
        double difference = 0;
        double loudest = 0;
        double quietest = Double.MAX_VALUE;
        int window = sampleRate / 100;
        for (int c = 0; c < 2; c++) {
            assertTrue(Levels.allFinite(out[c]), "finite output");
            for (int i = 0; i < tone.length; i++) {
                difference = Math.max(difference, Math.abs(out[c][i] - tone[i]));
            }
            for (int from = sampleRate / 10; from + window <= tone.length; from += window) {
                double a = Levels.amplitude(out[c], from, from + window, 1000, sampleRate);
                loudest = Math.max(loudest, a);
                quietest = Math.min(quietest, a);
            }
        }
        assertTrue(difference > 0.1, "the output differs from the input");
        return Levels.db(loudest / Math.max(quietest, 1e-9));
    }
}
