package org.segue.api.analysis;

import java.util.Objects;

/**
 * A stretch of a track in one key, lasting until the next segment starts.
 *
 * @param startSeconds where the segment starts, finite and {@code >= 0}
 * @param key the key
 */
public record KeySegment(double startSeconds, MusicalKey key) {

    /** Validates. */
    public KeySegment {
        if (!(startSeconds >= 0 && startSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("startSeconds must be finite and >= 0: " + startSeconds);
        }
        Objects.requireNonNull(key, "key");
    }
}
