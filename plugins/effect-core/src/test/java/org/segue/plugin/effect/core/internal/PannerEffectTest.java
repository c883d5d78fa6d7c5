package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;

class PannerEffectTest extends BaseEffectTestCase {

    private static final int RATE = 48000;

    @Override
    protected Effect newEffect() {
        return new PannerEffect();
    }

    private static float[][] pan(double pan, double width, float[][] in) {
        return new EffectHarness(new PannerEffect(), RATE, 2, 512).set(StandardEffects.PANNER_PAN, pan)
                .set(StandardEffects.PANNER_WIDTH, width).process(in);
    }

    private static double levelDb(float[] x, float[] reference) {
        return Levels.db(Math.sqrt(Levels.energy(x, 0, x.length) / Levels.energy(reference, 0, reference.length)));
    }

    @Test
    void hardLeftAndCentre() {
        float[] tone = Levels.tone(RATE, RATE / 2, 440, 0.5, 0);
        float[][] left = pan(-1, 1, new float[][] {tone.clone(), tone.clone()});
        double separation = levelDb(left[0], tone) - levelDb(left[1], tone);
        float[][] centre = pan(0, 1, new float[][] {tone.clone(), tone.clone()});
        double l = levelDb(centre[0], tone);
        double r = levelDb(centre[1], tone);
        System.out.printf("PANNER: hard left separation %s dB; centre L %.3f dB, R %.3f dB%n",
                Double.isInfinite(separation) ? "inf" : String.format("%.1f", separation), l, r);
        assertTrue(separation >= 40, "hard left: left at least 40 dB over right: " + separation);
        assertEquals(0, levelDb(left[0], tone), 0.01, "hard left keeps the left at full level");
        assertEquals(-3.01, l, 0.05, "centre -3 dB left");
        assertEquals(-3.01, r, 0.05, "centre -3 dB right");
        float[][] right = pan(1, 1, new float[][] {tone.clone(), tone.clone()});
        assertTrue(levelDb(right[1], tone) - levelDb(right[0], tone) >= 40, "hard right");
    }

    @Test
    void widthZeroIsMonoAndMonoPassesUnchanged() {
        float[] a = Levels.tone(RATE, RATE / 4, 440, 0.5, 0);
        float[] b = Levels.tone(RATE, RATE / 4, 660, 0.3, 1);
        float[][] mono = pan(0, 0, new float[][] {a, b});
        assertArrayEquals(mono[0], mono[1], "width 0 sums to mono");
        float[] single = new EffectHarness(new PannerEffect(), RATE, 1, 512).set(StandardEffects.PANNER_PAN, -1)
                .process(new float[][] {a.clone()})[0];
        assertArrayEquals(a, single, "a mono stream is not changed");
    }
}
