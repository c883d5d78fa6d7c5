package org.segue.plugin.analyzer.loudness.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TruePeakMeterTest {

    /**
     * A sine at fs/4 whose samples land 45 degrees off its crests: every sample is A/sqrt(2). It
     * fades in and out over 1000 samples: a sine switched on abruptly is not band-limited, and the
     * step really does overshoot between samples (by 0.1 dB here), which is not what is tested.
     */
    static float[] quarterRateSine(int n, double amplitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double fade = Math.min(1, Math.min(i, n - 1 - i) / 1000.0);
            x[i] = (float) (fade * amplitude * Math.sin(Math.PI / 2 * i + Math.PI / 4));
        }
        return x;
    }

    @Test
    void findsTheCrestBetweenSamples() {
        // Samples at +-0.5 (-6.02 dBFS sample peak); the crests, half-way between samples, are at
        // 0.5 * sqrt(2): -3.01 dBTP. The 4x interpolator has a phase exactly at the crest.
        TruePeakMeter meter = new TruePeakMeter(48_000);
        float[] x = quarterRateSine(48_000, 0.5 * Math.sqrt(2));
        meter.process(x, 0, x.length);
        meter.flush();
        assertEquals(-3.01, 20 * Math.log10(meter.peak()), 0.05);
    }

    @Test
    void samplePeakIsALowerBoundAndABandLimitedSineIsMetExactly() {
        TruePeakMeter meter = new TruePeakMeter(44_100);
        float[] x = new float[44_100];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 997 * i / 44_100 + 0.3));
        }
        meter.process(x, 0, x.length);
        meter.flush();
        assertEquals(0.5, meter.peak(), 0.5 * 0.006, "within 0.05 dB");
    }

    @Test
    void resultDoesNotDependOnHowTheStreamIsCut() {
        float[] x = quarterRateSine(10_000, 0.9);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) random.nextDouble();
        }
        TruePeakMeter whole = new TruePeakMeter(48_000);
        whole.process(x, 0, x.length);
        whole.flush();
        TruePeakMeter pieces = new TruePeakMeter(48_000);
        for (int from = 0; from < x.length; from += 77) {
            pieces.process(x, from, Math.min(77, x.length - from));
        }
        pieces.flush();
        assertEquals(whole.peak(), pieces.peak(), 0f);
    }

    @Test
    void aPeakAtTheVeryEndIsMeasured() {
        float[] x = new float[1000];
        x[999] = 0.8f;
        x[998] = -0.8f;
        TruePeakMeter meter = new TruePeakMeter(48_000);
        meter.process(x, 0, x.length);
        meter.flush();
        assertTrue(meter.peak() > 0.8f, "the overshoot between the last samples counts: " + meter.peak());
    }

    @Test
    void everyPhaseHasUnityDcGain() {
        for (int p = 1; p < 4; p++) {
            float sum = 0;
            for (float c : TruePeakMeter.design(p / 4.0)) {
                sum += c;
            }
            assertEquals(1f, sum, 1e-5f);
        }
        assertEquals(4, TruePeakMeter.factorFor(44_100));
        assertEquals(2, TruePeakMeter.factorFor(96_000));
        assertEquals(1, TruePeakMeter.factorFor(192_000));
    }
}
