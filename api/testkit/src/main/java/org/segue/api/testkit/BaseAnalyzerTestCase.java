package org.segue.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.audio.AudioFormat;

/**
 * Conformance suite every {@link Analyzer} plugin's test extends: the host's contract (any sample
 * rate and channel count, any block size, silence, very short input, blocks reused between calls)
 * holds for the analyzer. Add your own accuracy tests beside these.
 */
public abstract class BaseAnalyzerTestCase {

    /** A fresh analyzer, configured as in production. */
    protected abstract Analyzer newAnalyzer();

    /** A signal the analyzer has something to say about (music-like: beats, tones). */
    protected Signal typicalSignal() {
        return Signals.mix(Signals.clicks(44100, 12, 120, 4, 0.5), Signals.chord(44100, 12, 0.3, 57, 60, 64));
    }

    @Test
    void silenceAndVeryShortInputDoNotFail() {
        AnalyzerHarness.run(newAnalyzer(), 44100, new float[2][44100 * 3], 1024);
        AnalyzerHarness.run(newAnalyzer(), 44100, new float[1][100], 1024);
        AnalyzerHarness.run(newAnalyzer(), 44100, new float[1][0], 1024);
    }

    @Test
    void resultsDoNotDependOnTheBlockSize() {
        Signal s = typicalSignal();
        ResultMap small = AnalyzerHarness.run(newAnalyzer(), s.sampleRate(), s.audio(), 256);
        ResultMap large = AnalyzerHarness.run(newAnalyzer(), s.sampleRate(), s.audio(), 8192);
        assertEquals(large.keys(), small.keys(), "the same results whatever the block size");
        assertTrue(!large.keys().isEmpty(), "a typical signal gives results");
    }

    @Test
    void commonSampleRatesAndChannelCountsWork() {
        for (int rate : new int[] {22050, 44100, 48000, 96000}) {
            Signal s = Signals.mix(Signals.clicks(rate, 8, 120, 4, 0.5), Signals.chord(rate, 8, 0.3, 57, 60, 64));
            assertNotNull(AnalyzerHarness.run(newAnalyzer(), rate, s.stereo().audio(), 4096));
            assertNotNull(AnalyzerHarness.run(newAnalyzer(), rate, s.audio(), 4096));
        }
    }

    @Test
    void closeWorksWithoutFinishAsWhenAnotherAnalyzerFailed() {
        Signal s = typicalSignal();
        AtomicBoolean ok = new AtomicBoolean();
        try (AnalysisTask task = newAnalyzer().begin(new AudioFormat(s.sampleRate(), 1), s.audio()[0].length)) {
            task.accept(new BlockBuffer(1, 4096, s.sampleRate()).fill(s.audio(), 0, 4096));
            ok.set(true);
        }
        assertTrue(ok.get());
    }
}
