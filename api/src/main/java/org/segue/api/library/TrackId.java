package org.segue.api.library;

import java.util.Objects;

/**
 * The library's identifier of a track: opaque, stable across restarts, stored in mixes and
 * feedback. A record rather than a bare string so ids cannot be mixed up with titles or paths.
 *
 * @param value the id, non-blank
 */
public record TrackId(String value) {

    /** Validates. */
    public TrackId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a track id must not be blank");
        }
    }
}
