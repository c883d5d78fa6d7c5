package org.segue.plugin.analyzer.rhythm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RealFftTest {

    @Test
    void matchesADirectDftOnRandomInput() {
        long seed = 42;
        SplittableRandom random = new SplittableRandom(seed);
        for (int size : new int[] {4, 8, 64, 512}) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) {
                x[i] = (float) (2 * random.nextDouble() - 1);
            }
            float[] re = new float[size / 2 + 1];
            float[] im = new float[size / 2 + 1];
            new RealFft(size).forward(x, re, im);
            for (int k = 0; k <= size / 2; k++) {
                double sr = 0;
                double si = 0;
                for (int n = 0; n < size; n++) {
                    sr += x[n] * Math.cos(2 * Math.PI * k * n / size);
                    si -= x[n] * Math.sin(2 * Math.PI * k * n / size);
                }
                assertEquals(sr, re[k], 1e-3 * size, "re, size " + size + " bin " + k + " seed " + seed);
                assertEquals(si, im[k], 1e-3 * size, "im, size " + size + " bin " + k + " seed " + seed);
            }
        }
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(48));
        assertThrows(IllegalArgumentException.class, () -> new RealFft(2));
    }
}
