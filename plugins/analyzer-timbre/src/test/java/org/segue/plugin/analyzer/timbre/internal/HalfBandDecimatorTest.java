package org.segue.plugin.analyzer.timbre.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfBandDecimatorTest {

    private static float[] sine(int n, double cyclesPerSample) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * cyclesPerSample * i);
        }
        return x;
    }

    private static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void passesThePassbandAndStopsTheStopband() {
        float[] out = new float[2049];
        // 1 kHz at 44.1 kHz passes; 18 kHz (would alias to 4 kHz) is attenuated by over 40 dB.
        int n = new HalfBandDecimator(2049).process(sine(4096, 1000 / 44_100.0), 4096, out);
        assertEquals(2048, n);
        assertEquals(Math.sqrt(0.5), rms(out, 100, n), 0.01);
        new HalfBandDecimator(2049).process(sine(4096, 18_000 / 44_100.0), 4096, out);
        assertTrue(rms(out, 100, n) < 0.01, "stopband leak " + rms(out, 100, n));
    }

    @Test
    void oddChunkSizesGiveTheSameStream() {
        float[] x = sine(3001, 0.01);
        float[] whole = new float[1501];
        int n = new HalfBandDecimator(1501).process(x, 3001, whole);
        HalfBandDecimator pieces = new HalfBandDecimator(1501);
        float[] joined = new float[1501];
        float[] part = new float[1501];
        int at = 0;
        for (int from = 0; from < 3001; from += 333) {
            int len = Math.min(333, 3001 - from);
            float[] chunk = java.util.Arrays.copyOfRange(x, from, from + len);
            int got = pieces.process(chunk, len, part);
            System.arraycopy(part, 0, joined, at, got);
            at += got;
        }
        assertEquals(n, at);
        assertArrayEquals(whole, joined, 1e-7f);
    }
}
