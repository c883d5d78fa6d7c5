package org.segue.plugin.server.http.internal.music;

import java.util.Optional;
import java.util.Set;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.ResultKey;

/**
 * An analysis handed to the library under the track's id: the analysis service names results by
 * content hash, the library wants them to name the track they belong to.
 */
record TrackAnalysis(String trackId, AnalysisResults results) implements AnalysisResults {

    @Override
    public <T> Optional<T> get(ResultKey<T> key) {
        return results.get(key);
    }

    @Override
    public Set<ResultKey<?>> keys() {
        return results.keys();
    }

    @Override
    public Optional<String> analyzer(ResultKey<?> key) {
        return results.analyzer(key);
    }

    @Override
    public double durationSeconds() {
        return results.durationSeconds();
    }
}
