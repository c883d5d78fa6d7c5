package org.segue.api.testkit;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.audio.AudioFormat;

/**
 * Drives an {@link Analyzer} the way the host does: {@code begin}, then {@code accept} for every
 * block of one reused {@link BlockBuffer} (poisoned between blocks), then {@code finish}, and
 * {@code close} always.
 */
public final class AnalyzerHarness {

    private AnalyzerHarness() {
    }

    /** Runs the analyzer over planar audio in blocks of {@code blockFrames}. */
    public static ResultMap run(Analyzer analyzer, int sampleRate, float[][] audio, int blockFrames) {
        return run(analyzer, sampleRate, audio, blockFrames, 0, null);
    }

    /**
     * Runs the analyzer and, every {@code partialEverySeconds} of audio, asks for partial results
     * (real-time analysis), each collected into {@code partials}.
     */
    public static ResultMap run(Analyzer analyzer, int sampleRate, float[][] audio, int blockFrames,
            double partialEverySeconds, List<ResultMap> partials) {
        int frames = audio[0].length;
        ResultMap results = new ResultMap("test", frames / (double) sampleRate);
        BlockBuffer block = new BlockBuffer(audio.length, blockFrames, sampleRate);
        long partialEvery = partialEverySeconds > 0 ? Math.round(partialEverySeconds * sampleRate) : Long.MAX_VALUE;
        long nextPartial = partialEvery;
        try (AnalysisTask task = analyzer.begin(new AudioFormat(sampleRate, audio.length), frames)) {
            for (int offset = 0; offset < frames; offset += blockFrames) {
                int n = Math.min(blockFrames, frames - offset);
                block.poison();
                task.accept(block.fill(audio, offset, n));
                if (offset + n >= nextPartial && partials != null) {
                    ResultMap partial = new ResultMap("test", (offset + n) / (double) sampleRate);
                    task.partial(partial);
                    partials.add(partial);
                    nextPartial += partialEvery;
                }
            }
            task.finish(results);
        }
        return results;
    }

    /** A fresh list for {@link #run(Analyzer, int, float[][], int, double, List)}. */
    public static List<ResultMap> partials() {
        return new ArrayList<>();
    }
}
