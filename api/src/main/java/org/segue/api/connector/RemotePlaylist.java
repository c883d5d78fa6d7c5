package org.segue.api.connector;

import java.util.Objects;

/**
 * A playlist as a service lists it.
 *
 * @param service the connector's {@link StreamingConnector#SERVICE}
 * @param remoteId the playlist's id at the service, non-blank
 * @param name the name shown to users
 * @param trackCount the number of tracks, {@code >= 0}, or {@code -1} when unknown
 */
public record RemotePlaylist(String service, String remoteId, String name, int trackCount) {

    /** Validates. */
    public RemotePlaylist {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(remoteId, "remoteId");
        Objects.requireNonNull(name, "name");
        if (service.isBlank() || remoteId.isBlank()) {
            throw new IllegalArgumentException("service and remoteId must not be blank");
        }
        if (trackCount < -1) {
            throw new IllegalArgumentException("trackCount must be >= -1: " + trackCount);
        }
    }
}
