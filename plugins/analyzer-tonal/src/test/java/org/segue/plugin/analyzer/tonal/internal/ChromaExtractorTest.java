package org.segue.plugin.analyzer.tonal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The signal path below the analyzer: FFT, decimation, chroma and tuning, on tones of known pitch. */
class ChromaExtractorTest {

    @Test
    void fftPowerMatchesADirectDft() {
        int n = 64;
        float[] x = new float[n];
        float[] window = new float[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
            window[i] = 1;
        }
        float[] power = new float[n / 2 + 1];
        // Start the ring at 5: the transform must read it oldest first.
        float[] ring = new float[n];
        for (int i = 0; i < n; i++) {
            ring[(5 + i) % n] = x[i];
        }
        new RealFft(n).powerSpectrum(ring, 5, window, power, n / 2);
        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                re += x[i] * Math.cos(2 * Math.PI * k * i / n);
                im -= x[i] * Math.sin(2 * Math.PI * k * i / n);
            }
            assertEquals(re * re + im * im, power[k], 1e-3 * (1 + re * re + im * im), "bin " + k);
        }
    }

    @Test
    void decimatorKeepsTheBandAndRejectsWhatWouldAlias() {
        Decimator decimator = new Decimator(44100);
        assertEquals(4, decimator.factor());
        assertTrue(gain(decimator, 44100, 1000) > 0.95, "1 kHz passes");
        // 9.5 kHz would fold to 1.5 kHz at 11025 Hz: it must be gone.
        assertTrue(gain(new Decimator(44100), 44100, 9500) < 0.01, "9.5 kHz is rejected");
    }

    private static double gain(Decimator decimator, int rate, double frequency) {
        int frames = rate;
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * frequency * i / rate);
        }
        float[] out = new float[decimator.maxOutput(frames)];
        int n = decimator.process(new float[][] {x}, 1, frames, out);
        double peak = 0;
        for (int i = n / 2; i < n; i++) {
            peak = Math.max(peak, Math.abs(out[i]));
        }
        return peak;
    }

    @Test
    void aToneLandsOnItsPitchClassInTrebleOrBass() {
        // A4 (treble) and A2 (bass); E3 counts in both ranges.
        assertPitchClass(440, 9, true);
        assertPitchClass(110, 9, false);
        assertPitchClass(164.81, 4, true);
    }

    private static void assertPitchClass(double frequency, int pitchClass, boolean treble) {
        double rate = 11025;
        ChromaExtractor extractor = new ChromaExtractor(4096, rate);
        float[] ring = tone(frequency, rate, 4096);
        float[] t = new float[ChromaExtractor.BINS];
        float[] b = new float[ChromaExtractor.BINS];
        assertTrue(extractor.analyse(ring, 0, t, b) > 0);
        float[] folded = new float[12];
        new Tuning(0).fold(treble ? t : b, folded);
        int best = 0;
        for (int i = 1; i < 12; i++) {
            best = folded[i] > folded[best] ? i : best;
        }
        assertEquals(pitchClass, best, frequency + " Hz");
    }

    @Test
    void tuningIsMeasuredFromThePartials() {
        for (double cents : new double[] {-30, 0, 22}) {
            double rate = 11025;
            ChromaExtractor extractor = new ChromaExtractor(4096, rate);
            float[] t = new float[ChromaExtractor.BINS];
            float[] b = new float[ChromaExtractor.BINS];
            for (int note : new int[] {57, 62, 66, 69, 74}) {
                double f = 440 * Math.pow(2, (note - 69 + cents / 100) / 12);
                extractor.analyse(tone(f, rate, 4096), 0, t, b);
            }
            assertEquals(cents / 100, extractor.tuning(), 0.03, cents + " cents");
        }
    }

    @Test
    void silenceHasNoStrength() {
        ChromaExtractor extractor = new ChromaExtractor(4096, 11025);
        assertEquals(0, extractor.analyse(new float[4096], 0, new float[36], new float[36]));
    }

    private static float[] tone(double frequency, double rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return x;
    }
}
