package org.segue.api.analysis;

import org.osgi.annotation.versioning.ConsumerType;
import org.segue.api.audio.AudioFormat;

/**
 * An audio analyzer (tempo, key, loudness, structure…), contributed by a plugin as a service and
 * registered with {@link SegueAnalyzer} to set {@link #ID} and {@link #PRODUCES}. The service is
 * a stateless factory; the state of one track's analysis lives in the {@link AnalysisTask} it
 * begins.
 *
 * <p>Lifecycle, enforced by the kernel: {@link #begin} → {@link AnalysisTask#accept} for every
 * block in stream order (with {@link AnalysisTask#partial} in between during real-time analysis) →
 * {@link AnalysisTask#finish} → {@link AnalysisTask#close}. The kernel calls {@code close()}
 * exactly once even when the task fails mid-way or the analysis is cancelled.
 *
 * <p>Who calls: kernel analysis worker threads, never the audio thread. {@code begin} may be
 * called concurrently for different tracks, so the service is thread-safe; each task is used by one
 * thread at a time.
 *
 * <p>Failure: an exception from {@code begin} or from any task method is isolated: the kernel
 * closes that task, reports the failure with the analyzer's id and the track, stores nothing from
 * it for the track, and the other analyzers carry on with the same audio.
 *
 * <p>Example:
 * <pre>{@code
 * @Component
 * @SegueAnalyzer(id = "segue.analyzer.loudness/1", produces = "segue.loudness")
 * public class LoudnessAnalyzer implements Analyzer {
 *     public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
 *         return new LoudnessTask(format); // sink.put(StandardResults.LOUDNESS, …) in finish()
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface Analyzer {
    /**
     * Service property (String): the analyzer's id with its revision, e.g.
     * {@code segue.analyzer.tempo/1}. Stored with every result; bump the revision when results
     * change meaningfully so libraries re-analyse.
     */
    String ID = "segue.analyzer.id";
    /** Service property (String[]): the names of the {@link ResultKey}s this analyzer publishes. */
    String PRODUCES = "segue.analyzer.produces";

    /**
     * Starts analysing one track.
     *
     * @param format the format of the blocks that will follow
     * @param frameLengthHint the expected number of frames, or {@code -1} when unknown (streams,
     *        real-time analysis); only a hint for sizing buffers
     * @return the task that receives the audio; never {@code null}
     */
    AnalysisTask begin(AudioFormat format, long frameLengthHint);
}
