package org.segue.api.library;

import java.util.Objects;

/**
 * Where a track comes from and what may be done with its audio.
 *
 * @param service {@link #LOCAL} for the user's own files, otherwise the connector's
 *        {@code org.segue.api.connector.StreamingConnector#SERVICE}, e.g. {@code subsonic},
 *        {@code jamendo}
 * @param remoteId the track's id at the service, or {@code null} for local files
 * @param licence the licence of the audio, e.g. {@code CC BY-SA 4.0}, or {@code null} when unknown
 *        or not a public licence
 * @param mixable whether Segue may decode, analyse and mix the audio (the user's own files,
 *        Subsonic servers, CC-licensed downloads); false for metadata-only services
 */
public record TrackSource(String service, String remoteId, String licence, boolean mixable) {
    /** The service name of the user's own files. */
    public static final String LOCAL = "local";

    /** Validates. */
    public TrackSource {
        Objects.requireNonNull(service, "service");
        if (service.isBlank()) {
            throw new IllegalArgumentException("service must not be blank");
        }
    }

    /** The source of a local file: the user's own, mixable. */
    public static TrackSource local() {
        return new TrackSource(LOCAL, null, null, true);
    }
}
