package org.segue.api.library;

import java.net.URI;
import java.util.Objects;

import org.segue.api.audio.TrackTags;

/**
 * A track in the library.
 *
 * @param id the library's id
 * @param location where the audio is: a {@code file:} URI for local files, the connector's URI
 *        for remote ones
 * @param contentHash the hash of the audio file's bytes as {@code <algorithm>:<lower-case hex>},
 *        e.g. {@code sha256:9f86d0…}, so moved files keep their analysis and changed files lose it;
 *        {@code null} when the bytes are not available (metadata-only tracks)
 * @param tags the file's or service's metadata, {@link TrackTags#empty()} when none
 * @param durationSeconds the duration, finite, {@code >= 0}; {@code 0} when unknown
 * @param source where the track comes from and whether it may be mixed
 */
public record Track(TrackId id, URI location, String contentHash, TrackTags tags, double durationSeconds,
        TrackSource source) {

    /** Validates. */
    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(source, "source");
        if (contentHash != null && contentHash.indexOf(':') < 1) {
            throw new IllegalArgumentException("contentHash must be <algorithm>:<hex>: " + contentHash);
        }
        if (!(durationSeconds >= 0 && durationSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("durationSeconds must be finite and >= 0: " + durationSeconds);
        }
    }
}
