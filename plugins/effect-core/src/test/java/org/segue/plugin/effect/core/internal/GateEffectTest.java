package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;

class GateEffectTest extends BaseEffectTestCase {

    private static final int RATE = 48000;

    @Override
    protected Effect newEffect() {
        return new GateEffect();
    }

    private static float[] out(double levelDb, double threshold) {
        EffectHarness h = new EffectHarness(new GateEffect(), RATE, 1, 512).set(StandardEffects.THRESHOLD, threshold);
        return h.process(new float[][] {Levels.tone(RATE, RATE, 440, Levels.gain(levelDb), 0)})[0];
    }

    @Test
    void closesBelowAndOpensAboveTheThreshold() {
        float[] below = out(-46, -40);
        double closed = Levels.db(Levels.amplitude(below, RATE / 2, RATE, 440, RATE) / Levels.gain(-46));
        float[] above = out(-34, -40);
        double open = Levels.db(Levels.amplitude(above, RATE / 2, RATE, 440, RATE) / Levels.gain(-34));
        System.out.printf("GATE: below threshold %.1f dB, above %.4f dB%n", closed, open);
        assertTrue(closed <= -40, "closed gate attenuates by 40 dB or more: " + closed);
        assertEquals(0, open, 0.01, "open gate passes the signal");
    }

    @Test
    void hysteresisKeepsItOpenUntilTheLevelDropsFurther() {
        int third = RATE / 3;
        float[] tone = Levels.tone(RATE, 3 * third, 440, 1, 0);
        double[] levels = {-30, -42, -50}; // over; between threshold (-40) and close (-44); under
        for (int i = 0; i < tone.length; i++) {
            tone[i] *= (float) Levels.gain(levels[i / third]);
        }
        EffectHarness h = new EffectHarness(new GateEffect(), RATE, 1, 512)
                .set(StandardEffects.THRESHOLD, -40).set(GateProcessor.HYSTERESIS, 4).set(StandardEffects.HOLD, 20)
                .set(StandardEffects.RELEASE, 20);
        float[] out = h.process(new float[][] {tone})[0];
        double hovering = Levels.amplitude(out, third + third / 2, 2 * third, 440, RATE) / Levels.gain(-42);
        double gone = Levels.amplitude(out, 2 * third + third / 2, 3 * third, 440, RATE) / Levels.gain(-50);
        assertEquals(1, hovering, 0.01, "stays open between close and open level");
        assertTrue(Levels.db(gone) < -40, "closes below threshold - hysteresis");
    }
}
