package org.segue.plugin.analysis.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.LiveAnalysis;
import org.segue.api.analysis.TrackReport.AnalyzerFailure;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioFormat;

/** Real-time analysis: the same analyzer slots as a file, fed by a player instead of a decoder. */
final class EngineLiveAnalysis implements LiveAnalysis {

    private final List<AnalyzerSlot> slots = new ArrayList<>();
    private final List<AnalyzerFailure> failures = new ArrayList<>();
    private final int sampleRate;
    private long frames;
    private boolean closed;

    EngineLiveAnalysis(AudioFormat format, List<AnalyzerSlot.Entry> analyzers) {
        this.sampleRate = format.sampleRate();
        for (AnalyzerSlot.Entry e : analyzers) {
            slots.add(AnalyzerSlot.begin(e, format, -1, failures));
        }
    }

    @Override
    public void accept(AudioBlock block) {
        if (closed) {
            throw new IllegalStateException("live analysis is closed");
        }
        frames += block.frames();
        for (AnalyzerSlot slot : slots) {
            slot.accept(block);
        }
    }

    @Override
    public AnalysisResults partial() {
        ResultStore store = new ResultStore("live");
        store.duration(frames / (double) sampleRate);
        for (AnalyzerSlot slot : slots) {
            slot.partial(store);
        }
        return store.freeze();
    }

    @Override
    public AnalysisResults finish() {
        ResultStore store = new ResultStore("live");
        store.duration(frames / (double) sampleRate);
        for (AnalyzerSlot slot : slots) {
            slot.finish(store);
        }
        close();
        return store.freeze();
    }

    /** Analyzers that failed so far, with why. */
    List<AnalyzerFailure> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            slots.forEach(AnalyzerSlot::close);
        }
    }
}
