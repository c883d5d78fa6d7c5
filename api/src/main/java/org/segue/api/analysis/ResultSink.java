package org.segue.api.analysis;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an {@link AnalysisTask} publishes its results; implemented by the kernel.
 *
 * <p>Valid only during the {@link AnalysisTask#partial} or {@link AnalysisTask#finish} call it is
 * passed to, on that call's thread. Not thread-safe.
 */
@ProviderType
public interface ResultSink {

    /**
     * Publishes a value, replacing an earlier one under the same key.
     *
     * @param key a key whose name the analyzer declared in {@link Analyzer#PRODUCES}
     * @param value an immutable instance of {@code key.type()}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the key was not declared, so the kernel's record of which
     *         analyzer produces what stays true
     */
    <T> void put(ResultKey<T> key, T value);
}
