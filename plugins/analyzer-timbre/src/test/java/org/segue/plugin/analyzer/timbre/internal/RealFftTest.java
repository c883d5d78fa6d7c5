package org.segue.plugin.analyzer.timbre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RealFftTest {

    @Test
    void matchesANaiveDft() {
        for (int n : new int[] {4, 8, 64, 1024}) {
            SplittableRandom random = new SplittableRandom(n);
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) random.nextDouble(-1, 1);
            }
            float[] power = new float[n / 2 + 1];
            new RealFft(n).powerSpectrum(x, power);
            for (int k = 0; k <= n / 2; k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    re += x[i] * Math.cos(2 * Math.PI * k * i / n);
                    im -= x[i] * Math.sin(2 * Math.PI * k * i / n);
                }
                double expected = re * re + im * im;
                assertEquals(expected, power[k], 1e-4 * (1 + expected), "n=" + n + " k=" + k);
            }
        }
    }
}
