package org.segue.plugin.mix.engine.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints the compression ratio and encoding speed on a music-like signal; asserts nothing. */
class FlacWriterBenchmarkTest {

    private static final int RATE = 44_100;
    private static final int SECONDS = 60;

    @TempDir
    Path dir;

    /** Bass line, chords with decaying notes, a kick on every beat, hi-hats and a little noise; panned. */
    static float[][] music(int n) {
        float[][] s = new float[2][n];
        Random random = new Random(7);
        double[] chord = {220, 277.18, 329.63, 440};
        double beat = 60.0 / 124;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double inBeat = t % beat;
            int bar = (int) (t / (4 * beat));
            double root = bar % 2 == 0 ? 1 : 0.75;
            double kick = Math.exp(-inBeat * 30) * Math.sin(2 * Math.PI * (50 + 100 * Math.exp(-inBeat * 40)) * inBeat);
            double hat = ((t + beat / 2) % beat) < 0.03 ? random.nextGaussian() * 0.05 : 0;
            double bass = 0.25 * Math.sin(2 * Math.PI * 55 * root * t) + 0.08 * Math.sin(2 * Math.PI * 110 * root * t);
            double pad = 0;
            for (int k = 0; k < chord.length; k++) {
                double f = chord[k] * root;
                pad += Math.exp(-inBeat * 3) * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t)) / 8;
            }
            double noise = random.nextGaussian() * 0.002;
            s[0][i] = (float) (0.5 * kick + bass + 0.8 * pad + hat + noise);
            s[1][i] = (float) (0.5 * kick + bass + 0.6 * pad - 0.7 * hat + noise * 0.5);
        }
        return s;
    }

    @Test
    void reportCompressionAndSpeed() throws Exception {
        int n = RATE * SECONDS;
        float[][] signal = music(n);
        Path flac = dir.resolve("music.flac");
        // Warm up the JIT on a short run first, then time the whole minute.
        FlacCheck.encode(music(RATE * 5), RATE, dir.resolve("warm.flac"));
        long[] assignments;
        long t0 = System.nanoTime();
        try (FlacWriter w = new FlacWriter(flac, RATE)) {
            for (int pos = 0; pos < n; pos += MixRenderer.BLOCK) {
                int len = Math.min(MixRenderer.BLOCK, n - pos);
                float[][] block = {java.util.Arrays.copyOfRange(signal[0], pos, pos + len),
                    java.util.Arrays.copyOfRange(signal[1], pos, pos + len)};
                w.write(block, len);
            }
            w.close();
            assignments = w.assignments();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long pcmBytes = n * 6L;
        long size = Files.size(flac);
        System.out.printf(Locale.ROOT, "FlacWriter: %d s of 44.1 kHz 24-bit stereo music-like signal -> %d bytes, "
                + "%.1f%% of the PCM (ratio %.3f), %.2f s to encode = %.0fx real time; frames independent/L-S/R-S/M-S "
                + "= %d/%d/%d/%d%n", SECONDS, size, 100.0 * size / pcmBytes, (double) size / pcmBytes, seconds,
                SECONDS / seconds, assignments[1], assignments[8], assignments[9], assignments[10]);
        if (Files.isExecutable(FlacCheck.FFMPEG)) {
            Path wav = dir.resolve("music.wav");
            try (WavWriter w = new WavWriter(wav, RATE, n)) {
                w.write(signal, n);
            }
            Path ref = dir.resolve("ffmpeg.flac");
            Process p = new ProcessBuilder(FlacCheck.FFMPEG.toString(), "-nostdin", "-v", "error", "-i", wav.toString(),
                    "-c:a", "flac", ref.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0) {
                System.out.printf(Locale.ROOT, "ffmpeg's FLAC encoder (default level, LPC) on the same PCM: %d bytes, "
                        + "%.1f%% of the PCM%n", Files.size(ref), 100.0 * Files.size(ref) / pcmBytes);
            }
        }
    }
}
