package org.segue.api.connector;

import java.util.Objects;

/**
 * A track as a service lists it. The standard ids let the library match the same recording
 * across services and local files.
 *
 * @param service the connector's {@link StreamingConnector#SERVICE}
 * @param remoteId the track's id at the service, non-blank
 * @param title the title, or {@code null}
 * @param artist the artist, or {@code null}
 * @param album the album, or {@code null}
 * @param durationSeconds the duration, finite, {@code >= 0}; {@code 0} when unknown
 * @param isrc the International Standard Recording Code, or {@code null}
 * @param musicBrainzId the MusicBrainz recording id, or {@code null}
 * @param licence the audio's licence, e.g. {@code CC BY-SA 4.0}, or {@code null}
 * @param rights what Segue may do with the audio, as the service stated when listing it
 */
public record RemoteTrack(String service, String remoteId, String title, String artist, String album,
        double durationSeconds, String isrc, String musicBrainzId, String licence, AudioRights rights) {

    /** Validates. */
    public RemoteTrack {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(remoteId, "remoteId");
        Objects.requireNonNull(rights, "rights");
        if (service.isBlank() || remoteId.isBlank()) {
            throw new IllegalArgumentException("service and remoteId must not be blank");
        }
        if (!(durationSeconds >= 0 && durationSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("durationSeconds must be finite and >= 0: " + durationSeconds);
        }
    }
}
