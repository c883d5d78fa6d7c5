package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;

class EchoEffectTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new EchoEffect();
    }

    private static int argmax(float[] x, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double sum(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s;
    }

    @Test
    void impulseReturnsAfterTheBeatLengthWithTheFeedbackGain() {
        double[][] cases = {{0.5, 120, 0.6, 44100}, {0.75, 128, 0.5, 48000}, {1, 174, 0.8, 48000}, {0.125, 90, 0.3, 96000},
            {3, 60, 0.4, 44100}};
        for (double[] c : cases) {
            double beats = c[0], bpm = c[1], feedback = c[2];
            int rate = (int) c[3];
            double expected = beats * 60 / bpm * rate;
            int delay = (int) Math.round(expected);
            EffectHarness h = new EffectHarness(new EchoEffect(), rate, 1, 512).set(StandardEffects.ECHO_BEATS, beats)
                    .set(StandardEffects.ECHO_BPM, bpm).set(StandardEffects.ECHO_FEEDBACK, feedback)
                    .set(StandardEffects.ECHO_MIX, 0.5);
            float[] in = new float[2 * delay + delay / 2];
            in[0] = 1;
            float[] out = h.process(new float[][] {in})[0];
            int first = argmax(out, delay / 2, delay + delay / 2);
            assertEquals(expected, first, 1, "first echo at beats*60/bpm s (" + beats + " beats at " + bpm + " bpm)");
            assertEquals(1, out[first], 1e-6, "first echo at full level at mix 0.5");
            int second = argmax(out, first + delay / 2, out.length);
            assertEquals(2 * expected, second, 1, "second echo one delay later");
            double repeat = sum(out, second - 4, Math.min(out.length, second + 200)) / sum(out, first - 4, first + 200);
            assertEquals(feedback, repeat, 0.01 * feedback, "each repeat has the feedback gain");
            assertTrue(Math.abs(out[second]) < feedback, "the loop's low-pass softens the repeat");
        }
    }

    @Test
    void delayChangeCrossfadesWithoutAClick() {
        int rate = 48000;
        EffectHarness h = new EffectHarness(new EchoEffect(), rate, 1, 512).set(StandardEffects.ECHO_MIX, 1)
                .set(StandardEffects.ECHO_FEEDBACK, 0);
        h.setAt(rate, StandardEffects.ECHO_BEATS, 0.75).setAt(rate + rate / 3, StandardEffects.ECHO_BPM, 97);
        float[] tone = Levels.tone(rate, 2 * rate, 330, 0.5, 0);
        float[] out = h.process(new float[][] {tone})[0];
        double natural = 0.5 * Math.pow(2 * Math.PI * 330 / rate, 2);
        double jump = BaseEffectTestCase.maxSecondDifference(out, rate / 2);
        assertTrue(jump < 4 * natural, "second difference " + jump + " vs a clean tone's " + natural);
    }
}
