package org.segue.api.analysis;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The analysis of one track: the read side, implemented by the kernel (while analysing) and the
 * library (when loading), read by styles, planners, recommenders and the UI.
 *
 * <p>An immutable snapshot: thread-safe, and its values never change after it is handed out.
 * Absent results are normal (an analyzer was not installed, failed, or the track has no beat), so
 * readers degrade gracefully instead of failing.
 */
@ProviderType
public interface AnalysisResults {

    /**
     * The value stored under a key, matched on name, type and schema version.
     *
     * @return the value, or empty when absent or stored under another schema version
     */
    <T> Optional<T> get(ResultKey<T> key);

    /** The keys of all results present and readable in this runtime. */
    Set<ResultKey<?>> keys();

    /**
     * The id, with revision, of the analyzer that produced a result, e.g.
     * {@code segue.analyzer.tempo/1}; lets the kernel re-analyse when an analyzer's revision
     * changes even though the result's schema did not.
     *
     * @return the analyzer id, or empty when the result is absent
     */
    Optional<String> analyzer(ResultKey<?> key);

    /** The duration of the analysed audio in seconds. */
    double durationSeconds();

    /** The id of the analysed track ({@code org.segue.api.library.TrackId#value()}). */
    String trackId();
}
