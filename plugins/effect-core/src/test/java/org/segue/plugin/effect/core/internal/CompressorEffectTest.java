package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.testkit.BaseEffectTestCase;
import org.segue.api.testkit.Levels;

class CompressorEffectTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new CompressorEffect();
    }

    /** Gain in dB for a 1 kHz sine at {@code -12 dBFS} peak (Levels.gainDb's level). */
    private static double gain(double threshold, double ratio, double makeup, double detector) {
        return Levels.gainDb(new CompressorEffect(), 48000, 1000, Map.of(StandardEffects.THRESHOLD, threshold,
                StandardEffects.RATIO, ratio, StandardEffects.MAKEUP, makeup, CompressorProcessor.DETECTOR, detector,
                StandardEffects.ATTACK, 5.0, StandardEffects.RELEASE, 200.0));
    }

    @Test
    void tenDbOverThresholdAtRatioFourIsReducedBySevenAndAHalf() {
        double peakLevel = 20 * Math.log10(0.25);
        double rmsLevel = peakLevel - 10 * Math.log10(2);
        double peakMode = -gain(peakLevel - 10, 4, 0, 0);
        double rmsMode = -gain(rmsLevel - 10, 4, 0, 1);
        System.out.printf("COMPRESSOR 10 dB over, ratio 4: reduction %.3f dB (peak), %.3f dB (RMS)%n", peakMode, rmsMode);
        assertEquals(7.5, peakMode, 0.5, "peak detector");
        assertEquals(7.5, rmsMode, 0.5, "RMS detector");
    }

    @Test
    void belowTheKneeNothingHappensAndMakeupAdds() {
        double peakLevel = 20 * Math.log10(0.25);
        assertEquals(0, gain(peakLevel + 10, 4, 0, 0), 0.01, "10 dB under the threshold");
        assertEquals(6, gain(peakLevel + 10, 4, 6, 0), 0.01, "makeup");
        assertEquals(-10 * (1 - 1 / 20.0), gain(peakLevel - 10, 20, 0, 0), 0.5, "ratio 20");
    }

    @Test
    void softKneeIsContinuous() {
        assertEquals(0, CompressorProcessor.reductionDb(-3, 4, 6), 1e-12);
        assertEquals(0.75 * 3, CompressorProcessor.reductionDb(3, 4, 6), 1e-12);
        assertEquals(0.75 * 9 / 12, CompressorProcessor.reductionDb(0, 4, 6), 1e-12);
        assertEquals(0.75 * 10, CompressorProcessor.reductionDb(10, 4, 0), 1e-12);
    }
}
