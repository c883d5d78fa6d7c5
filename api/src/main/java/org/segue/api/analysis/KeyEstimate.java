package org.segue.api.analysis;

import java.util.Objects;

/**
 * The main key of a track.
 *
 * @param key the key
 * @param confidence how sure the analyzer is, {@code 0..1}; atonal tracks score low
 */
public record KeyEstimate(MusicalKey key, double confidence) {

    /** Validates. */
    public KeyEstimate {
        Objects.requireNonNull(key, "key");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
    }
}
