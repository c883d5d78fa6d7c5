package org.segue.api.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What analysing one file gave.
 *
 * @param source the file (or stream name) analysed
 * @param contentHash the SHA-256 of the file's bytes, in hex: the cache and library key
 * @param results the analyzers' results
 * @param failures analyzers that failed on this file, with why; empty when all succeeded
 * @param cached true when the results came from the cache rather than a new analysis
 */
public record TrackReport(String source, String contentHash, AnalysisResults results,
        List<AnalyzerFailure> failures, boolean cached) {

    public TrackReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(results, "results");
        failures = List.copyOf(failures);
    }

    /** One analyzer that failed on one file. */
    public record AnalyzerFailure(String analyzerId, String reason) {
        public AnalyzerFailure {
            Objects.requireNonNull(analyzerId, "analyzerId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
