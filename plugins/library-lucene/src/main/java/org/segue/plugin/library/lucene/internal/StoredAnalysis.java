package org.segue.plugin.library.lucene.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.ResultKey;

/** An analysis read back from the index: an immutable snapshot, filled once by {@link AnalysisJson}. */
final class StoredAnalysis implements AnalysisResults {

    private final String trackId;
    private final double durationSeconds;
    private final Map<ResultKey<?>, Object> values;
    private final Map<ResultKey<?>, String> analyzers;

    StoredAnalysis(String trackId, double durationSeconds, Map<ResultKey<?>, Object> values,
            Map<ResultKey<?>, String> analyzers) {
        this.trackId = trackId;
        this.durationSeconds = durationSeconds;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.analyzers = Map.copyOf(analyzers);
    }

    @Override
    public <T> Optional<T> get(ResultKey<T> key) {
        return Optional.ofNullable(key.type().cast(values.get(key)));
    }

    @Override
    public Set<ResultKey<?>> keys() {
        return values.keySet();
    }

    @Override
    public Optional<String> analyzer(ResultKey<?> key) {
        return Optional.ofNullable(analyzers.get(key));
    }

    @Override
    public double durationSeconds() {
        return durationSeconds;
    }

    @Override
    public String trackId() {
        return trackId;
    }

    @Override
    public String toString() {
        return "StoredAnalysis[" + trackId + ", " + values.size() + " results]";
    }
}
