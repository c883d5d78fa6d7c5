package org.segue.api.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.ResultSink;

/** Results collected in memory: the {@link ResultSink} given to analyzers and the results read back. */
public final class ResultMap implements ResultSink, AnalysisResults {

    private final Map<ResultKey<?>, Object> values = new LinkedHashMap<>();
    private final Map<ResultKey<?>, String> producers = new LinkedHashMap<>();
    private final String trackId;
    private final double durationSeconds;
    private String currentProducer = "test";

    public ResultMap(String trackId, double durationSeconds) {
        this.trackId = trackId;
        this.durationSeconds = durationSeconds;
    }

    /** Names the analyzer whose results {@link #put} records next. */
    public void producer(String analyzerId) {
        this.currentProducer = analyzerId;
    }

    @Override
    public synchronized <T> void put(ResultKey<T> key, T value) {
        if (!key.type().isInstance(value)) {
            throw new IllegalArgumentException(key.name() + " needs a " + key.type().getName() + ", got " + value);
        }
        values.put(key, value);
        producers.put(key, currentProducer);
    }

    @Override
    public synchronized <T> Optional<T> get(ResultKey<T> key) {
        return Optional.ofNullable(key.type().cast(values.get(key)));
    }

    /** The value, or an assertion-style error naming the missing key. */
    public <T> T require(ResultKey<T> key) {
        return get(key).orElseThrow(() -> new AssertionError("no result " + key.name() + " in " + keys()));
    }

    @Override
    public synchronized Set<ResultKey<?>> keys() {
        return Set.copyOf(values.keySet());
    }

    @Override
    public synchronized Optional<String> analyzer(ResultKey<?> key) {
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
