package org.segue.api.analysis;

import org.osgi.annotation.versioning.ConsumerType;
import org.segue.api.audio.AudioBlock;

/**
 * The analysis of one track in progress, created by {@link Analyzer#begin}.
 *
 * <p>Who calls: the kernel, from one analysis thread at a time, with happens-before between calls,
 * so a task needs no synchronisation. See {@link Analyzer} for the lifecycle and failure rules.
 * Memory should stay bounded by the analysis's needs (feature frames), not by the track length
 * in samples: tasks summarise as they go rather than buffer the audio.
 */
@ConsumerType
public interface AnalysisTask extends AutoCloseable {

    /**
     * Consumes the next block, in stream order, with the channels of the source as given (mono or
     * multichannel; downmix inside the task if needed). The same block is shared with other
     * analyzers: read it, never write it, and never keep a reference to it after returning.
     */
    void accept(AudioBlock block);

    /**
     * Publishes what is known so far, for real-time analysis during playback (e.g. the tempo after
     * the first bars). Called between {@link #accept} calls, at the kernel's pace; the default
     * publishes nothing.
     */
    default void partial(ResultSink sink) {
    }

    /** Publishes the final results after the last block. Called at most once. */
    void finish(ResultSink sink);

    /** Releases the task's resources; called exactly once, last, even after a failure. */
    @Override
    void close();
}
