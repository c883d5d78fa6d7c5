package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.Levels;

class FilterEffectTest extends BaseEffectTestCase {

    private static final int RATE = 48000;

    @Override
    protected Effect newEffect() {
        return new FilterEffect();
    }

    /** The mapping the README documents, written out independently of the processor. */
    private static double documentedCutoff(double sweep) {
        return sweep < 0 ? 20 * Math.pow(1000, 1 + sweep) : 20 * Math.pow(1000, sweep);
    }

    private static double gain(double frequency, double sweep, double resonance) {
        return Levels.gainDb(new FilterEffect(), RATE, frequency,
                Map.of(StandardEffects.FILTER_SWEEP, sweep, StandardEffects.FILTER_RESONANCE, resonance));
    }

    /** The frequency where the response crosses -3 dB, by bisection in log frequency. */
    private static double minus3dB(double sweep, double lo, double hi) {
        boolean lowPass = sweep < 0;
        for (int i = 0; i < 14; i++) {
            double mid = Math.sqrt(lo * hi);
            boolean above = gain(mid, sweep, 0) > -3.0103;
            if (above == lowPass) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    @Test
    void minus3dBPointIsTheMappedCutoff() {
        double worst = 0;
        for (double sweep : new double[] {-0.8, -0.5, -0.25, -0.1, 0.1, 0.3, 0.5, 0.75}) {
            double cutoff = documentedCutoff(sweep);
            assertEquals(cutoff, sweep < 0 ? FilterProcessor.lowPassCutoff(sweep) : FilterProcessor.highPassCutoff(sweep),
                    1e-9 * cutoff);
            // The -3 dB point must be inside +-5 %: bracketing proves it, bisection measures it.
            double inside = gain(cutoff * (sweep < 0 ? 0.95 : 1.05), sweep, 0);
            double outside = gain(cutoff * (sweep < 0 ? 1.05 : 0.95), sweep, 0);
            assertTrue(inside > -3.0103 && outside < -3.0103, "sweep " + sweep + ": " + inside + " / " + outside);
            double measured = minus3dB(sweep, cutoff * 0.8, cutoff * 1.25);
            double error = Math.abs(measured / cutoff - 1);
            worst = Math.max(worst, error);
            System.out.printf("FILTER sweep %+.2f: set %.1f Hz, -3 dB at %.1f Hz (%.3f %%)%n", sweep, cutoff, measured,
                    100 * error);
            assertTrue(error < 0.05, "cutoff error " + error);
        }
        System.out.printf("FILTER worst cutoff error %.3f %%%n", 100 * worst);
    }

    @Test
    void centreIsBypassAndEndsCloseTheFilter() {
        for (double f : new double[] {30, 1000, 15000}) {
            assertEquals(0, gain(f, 0, 0.7), 1e-3, "bypass at sweep 0, " + f + " Hz");
        }
        assertTrue(gain(400, -1, 0) < -40, "low-pass closed at -1");
        assertTrue(gain(1000, 1, 0) < -40, "high-pass closed at 1");
    }

    @Test
    void fullResonancePeaksAtTheCutoff() {
        double cutoff = documentedCutoff(-0.5);
        double peak = gain(cutoff, -0.5, 1);
        assertEquals(20 * Math.log10(8), peak, 0.5, "gain at the cutoff is Q = 8");
        assertEquals(8, FilterProcessor.q(1), 1e-9);
        assertEquals(Math.sqrt(0.5), FilterProcessor.q(0), 1e-12);
    }
}
