package org.segue.plugin.analysis.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.ResultSink;

/**
 * One track's results with the analyzer that produced each. Written by one analysis thread,
 * then published read-only (the map is never changed after {@link #freeze}).
 */
final class ResultStore implements AnalysisResults, ResultSink {

    private final Map<ResultKey<?>, Object> values = new LinkedHashMap<>();
    private final Map<ResultKey<?>, String> producers = new LinkedHashMap<>();
    private final String trackId;
    private double durationSeconds;
    private String producer = "?";
    private boolean frozen;

    ResultStore(String trackId) {
        this.trackId = trackId;
    }

    /** Names the analyzer whose {@link #put}s follow. */
    void producer(String analyzerId) {
        this.producer = analyzerId;
    }

    void duration(double seconds) {
        this.durationSeconds = seconds;
    }

    /** Takes another store's results (an analyzer's, once it finished without failing). */
    void putAll(ResultStore other) {
        other.values.forEach((k, v) -> {
            values.put(k, v);
            producers.put(k, other.producers.get(k));
        });
    }

    ResultStore freeze() {
        frozen = true;
        return this;
    }

    @Override
    public <T> void put(ResultKey<T> key, T value) {
        if (frozen) {
            throw new IllegalStateException("results of " + trackId + " are final");
        }
        if (!key.type().isInstance(value)) {
            throw new IllegalArgumentException(producer + " put a " + (value == null ? "null" : value.getClass().getName())
                    + " under " + key.name() + ", which holds " + key.type().getName());
        }
        values.put(key, value);
        producers.put(key, producer);
    }

    /** Puts a value whose type was checked by the caller (results read back from the cache). */
    void putChecked(ResultKey<?> key, Object value, String analyzerId) {
        values.put(key, key.type().cast(value));
        producers.put(key, analyzerId);
    }

    @Override
    public <T> Optional<T> get(ResultKey<T> key) {
        return Optional.ofNullable(key.type().cast(values.get(key)));
    }

    @Override
    public Set<ResultKey<?>> keys() {
        return Set.copyOf(values.keySet());
    }

    @Override
    public Optional<String> analyzer(ResultKey<?> key) {
        return Optional.ofNullable(producers.get(key));
    }

    @Override
    public double durationSeconds() {
        return durationSeconds;
    }

    @Override
    public String trackId() {
        return trackId;
    }
}
