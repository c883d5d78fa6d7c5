package org.segue.api.analysis;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;
import org.segue.api.audio.AudioFormat;

/**
 * Analyses tracks with every registered {@link Analyzer}: decodes a file once through the matching
 * {@link org.segue.api.audio.AudioDecoder}, feeds every analyzer the same blocks, isolates an
 * analyzer that fails (the others go on; the failure is in the report) and caches results by the
 * file's content, so an unchanged file is not analysed twice.
 *
 * <p>Implemented by Segue's analysis engine; used by commands, the library and the server.
 * Thread-safe: callers analyse several files in parallel, one thread per file.
 *
 * <p>Example: {@code TrackReport r = service.analyze(Path.of("a.flac"));
 * r.results().get(StandardResults.TEMPO)}.
 */
@ProviderType
public interface AnalysisService {

    /**
     * Analyses one file (or returns the cached results for its content).
     *
     * @throws IOException when the file cannot be read or decoded; the message names the file
     */
    TrackReport analyze(Path file) throws IOException;

    /**
     * Analyses one file, reading and writing the cache only when {@code useCache} is true
     * (benchmarks and re-analysis on request pass false).
     *
     * @throws IOException when the file cannot be read or decoded; the message names the file
     */
    TrackReport analyze(Path file, boolean useCache) throws IOException;

    /**
     * Starts a real-time analysis of a live stream of blocks (a track being played), which
     * publishes partial results (tempo, key, energy) as it goes.
     *
     * @param format the stream's format
     */
    LiveAnalysis live(AudioFormat format);
}
