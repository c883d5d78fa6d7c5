package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;

class ReverbEffectTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new ReverbEffect();
    }

    @Test
    void impulseResponseDecaysBelowMinus60dBAfterThreeSeconds() {
        int rate = 48000;
        for (double[] setting : new double[][] {{0.5, 0.5}, {0.6, 0}, {0.3, 1}}) {
            EffectHarness h = new EffectHarness(new ReverbEffect(), rate, 2, 512).set(StandardEffects.REVERB_SIZE, setting[0])
                    .set(StandardEffects.REVERB_DAMPING, setting[1]).set(StandardEffects.REVERB_MIX, 1);
            float[][] in = new float[2][5 * rate];
            in[0][0] = 1;
            in[1][0] = 1;
            float[][] out = h.process(in);
            for (float[] ch : out) {
                assertTrue(Levels.allFinite(ch), "finite");
                double total = Levels.energy(ch, 0, ch.length);
                double tail = Levels.energy(ch, 3 * rate, ch.length);
                double early = Levels.energy(ch, 0, rate / 10);
                double relative = 10 * Math.log10(tail / total);
                System.out.printf("REVERB size %.1f damping %.1f: energy after 3 s %.1f dB%n", setting[0], setting[1], relative);
                assertTrue(total > 0.01 && early > 0, "the impulse is reverberated");
                assertTrue(relative < -60, "energy after 3 s: " + relative + " dB");
            }
            assertTrue(Levels.energy(out[0], 0, rate) != Levels.energy(out[1], 0, rate), "left and right differ");
        }
    }

    @Test
    void longerSizeGivesLongerTail() {
        int rate = 48000;
        double[] tails = new double[2];
        double[] sizes = {0.2, 0.8};
        for (int k = 0; k < 2; k++) {
            EffectHarness h = new EffectHarness(new ReverbEffect(), rate, 1, 512).set(StandardEffects.REVERB_SIZE, sizes[k])
                    .set(StandardEffects.REVERB_MIX, 1);
            float[] in = new float[2 * rate];
            in[0] = 1;
            float[] out = h.process(new float[][] {in})[0];
            tails[k] = Levels.energy(out, rate / 2, 2 * rate) / Levels.energy(out, 0, 2 * rate);
        }
        assertTrue(tails[1] > 100 * tails[0], "size 0.8 rings far longer than 0.2");
    }
}
