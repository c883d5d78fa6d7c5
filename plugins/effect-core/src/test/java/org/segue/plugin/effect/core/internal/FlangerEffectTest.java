package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;

class FlangerEffectTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new FlangerEffect();
    }

    @Test
    void aMovingCombSweepsATone() {
        double spread = ModulationTests.notchSweepDb(new FlangerEffect(), 0.5);
        System.out.printf("FLANGER: 1 kHz level varies over %.1f dB%n", spread);
        assertTrue(spread > 20, "a notch passes over the tone: " + spread + " dB");
    }

    @Test
    void depthZeroIsAFixedComb() {
        int rate = 48000;
        EffectHarness h = new EffectHarness(new FlangerEffect(), rate, 1, 512).set(StandardEffects.DEPTH, 0)
                .set(StandardEffects.FEEDBACK, 0).set(StandardEffects.MIX, 0.5);
        // At the 0.25 ms minimum delay the first notch is at 2 kHz.
        float[] out = h.process(new float[][] {Levels.tone(rate, rate, 2000, 0.5, 0)})[0];
        assertTrue(Levels.amplitude(out, rate / 2, rate, 2000, rate) < 0.01, "notch at 1 / (2 * 0.25 ms)");
    }
}
