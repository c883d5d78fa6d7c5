package org.segue.plugin.analysis.engine.internal;

import java.util.List;

import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.TrackReport.AnalyzerFailure;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioFormat;

/**
 * One analyzer's task for one track, wrapped so that whatever the plugin throws stays here: the
 * failure is recorded, the task is skipped from then on, and {@link #close} is still called. It
 * also sums the time spent in the plugin's code into a plain field, which costs two clock reads
 * per call and allocates nothing on the per-block path.
 */
final class AnalyzerSlot implements AutoCloseable {

    /** A registered analyzer with its id (and revision) from the service properties. */
    record Entry(String id, Analyzer analyzer) {
    }

    private final Entry entry;
    private final List<AnalyzerFailure> failures;
    private AnalysisTask task;
    private boolean failed;
    private long nanos;

    private AnalyzerSlot(Entry entry, List<AnalyzerFailure> failures) {
        this.entry = entry;
        this.failures = failures;
    }

    static AnalyzerSlot begin(Entry entry, AudioFormat format, long frames, List<AnalyzerFailure> failures) {
        AnalyzerSlot slot = new AnalyzerSlot(entry, failures);
        long start = System.nanoTime();
        try {
            slot.task = entry.analyzer().begin(format, frames);
            if (slot.task == null) {
                slot.fail("begin returned no task", null);
            }
        } catch (RuntimeException | LinkageError e) {
            slot.fail("begin", e);
        } finally {
            slot.nanos += System.nanoTime() - start;
        }
        return slot;
    }

    String id() {
        return entry.id();
    }

    Entry entry() {
        return entry;
    }

    boolean active() {
        return !failed;
    }

    /** Time spent in the plugin's begin, accept, finish and close so far. */
    long nanos() {
        return nanos;
    }

    void accept(AudioBlock block) {
        if (failed) {
            return;
        }
        long start = System.nanoTime();
        try {
            task.accept(block);
        } catch (RuntimeException | LinkageError e) {
            fail("accept", e);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    /** Partial results into {@code sink}; a failure here only loses this partial view. */
    void partial(ResultStore sink) {
        if (failed) {
            return;
        }
        ResultStore own = new ResultStore(sink.trackId());
        own.producer(entry.id());
        try {
            task.partial(own);
            sink.putAll(own);
        } catch (RuntimeException | LinkageError e) {
            // partial results are optional: the final ones decide
        }
    }

    /** Finishes into {@code sink}; only a task that finishes cleanly contributes anything. */
    void finish(ResultStore sink) {
        if (failed) {
            return;
        }
        ResultStore own = new ResultStore(sink.trackId());
        own.producer(entry.id());
        long start = System.nanoTime();
        try {
            task.finish(own);
            sink.putAll(own);
        } catch (RuntimeException | LinkageError e) {
            fail("finish", e);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private void fail(String phase, Throwable cause) {
        failed = true;
        String why = cause == null ? phase
                : phase + " threw " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        failures.add(new AnalyzerFailure(entry.id(), why));
    }

    @Override
    public void close() {
        if (task == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            task.close();
        } catch (RuntimeException | LinkageError e) {
            if (!failed) {
                fail("close", e);
            }
        } finally {
            nanos += System.nanoTime() - start;
        }
        task = null;
    }
}
