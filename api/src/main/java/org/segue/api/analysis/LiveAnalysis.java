package org.segue.api.analysis;

import org.osgi.annotation.versioning.ProviderType;
import org.segue.api.audio.AudioBlock;

/**
 * A real-time analysis of a stream that is still playing: blocks go in as they are played, and
 * partial results can be read at any time.
 *
 * <p>Made by {@link AnalysisService#live}. Not thread-safe: one thread feeds it and reads it (a
 * player's analysis thread, never the audio callback itself, since analyzers may allocate).
 */
@ProviderType
public interface LiveAnalysis extends AutoCloseable {

    /** Feeds the next block of the stream; the block is not kept. */
    void accept(AudioBlock block);

    /** What every analyzer knows so far: tempo, key, energy of the audio seen up to now. */
    AnalysisResults partial();

    /** Ends the stream and returns the final results. */
    AnalysisResults finish();

    /** Releases the analyzers; safe to call more than once and after {@link #finish}. */
    @Override
    void close();
}
