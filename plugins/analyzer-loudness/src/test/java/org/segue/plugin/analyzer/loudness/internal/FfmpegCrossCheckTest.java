package org.segue.plugin.analyzer.loudness.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.StandardResults;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/**
 * Compares with ffmpeg's independent {@code ebur128} meter on synthesised music-like audio with
 * three loudness plateaus (for a non-trivial gate and range) and inter-sample peaks. Skipped only
 * where ffmpeg is not installed; CI installs it.
 */
class FfmpegCrossCheckTest {

    @TempDir
    Path dir;

    @Test
    void agreesWithFfmpeg() throws Exception {
        assumeTrue(FfmpegEbur128.available(), "ffmpeg is not installed at " + FfmpegEbur128.BINARY);
        for (int rate : new int[] {44_100, 48_000}) {
            float[][] audio = plateaus(rate);
            Path file = dir.resolve("plateaus-" + rate + ".wav");
            Wav16.write(file, audio, rate);
            FfmpegEbur128.Summary reference = FfmpegEbur128.measure(file);
            Loudness ours = AnalyzerHarness.run(new LoudnessAnalyzer(), rate, audio, 4096)
                    .require(StandardResults.LOUDNESS);
            String what = rate + " Hz: ours " + ours + ", ffmpeg " + reference;
            assertEquals(reference.integratedLufs(), ours.integratedLufs(), 0.2, what);
            assertEquals(reference.rangeLu(), ours.rangeLu(), 1, what);
            assertEquals(reference.truePeakDbtp(), ours.truePeakDbtp(), 0.3, what);
        }
    }

    /** 36 s of stereo beat + chord + noise at three levels (-28, -16, -22 dB gains), different per channel. */
    private static float[][] plateaus(int rate) {
        Signal beat = Signals.mix(Signals.clicks(rate, 36, 126, 4, 0.1), Signals.chord(rate, 36, 0.5, 43, 55, 62, 67, 71));
        float[] left = Signals.mix(beat, Signals.noise(rate, 36, 0.08, 5)).audio()[0];
        float[] right = Signals.mix(Signals.chord(rate, 36, 0.6, 50, 57, 66), Signals.noise(rate, 36, 0.1, 6)).audio()[0];
        double[] gainsDb = {-10, 2, -4};
        for (int i = 0; i < left.length; i++) {
            float g = (float) Math.pow(10, gainsDb[Math.min(2, i / (12 * rate))] / 20);
            left[i] = Math.max(-1, Math.min(1, left[i] * g));
            right[i] = Math.max(-1, Math.min(1, right[i] * g));
        }
        return new float[][] {left, right};
    }
}
