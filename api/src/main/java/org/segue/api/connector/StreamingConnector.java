package org.segue.api.connector;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connection to one streaming or library service, contributed by a plugin as a service and
 * registered with {@link SegueConnector} to set {@link #SERVICE}. One instance serves one account;
 * its endpoint and credentials come from its own configuration (a factory configuration per
 * account), and it never logs them.
 *
 * <p>Who calls: the kernel's import and playback services, from I/O worker threads, concurrently;
 * implementations are thread-safe. Calls block on the network, so they are never made from the
 * audio thread.
 *
 * <p>Failure: network and service errors are {@link IOException}s. Every call gives up with an
 * {@code IOException} rather than hang (a bounded timeout, 30 s at most), and respects the
 * service's rate limits by backing off, failing when a limit persists. Methods for a
 * {@link ConnectorCapability} not in {@link #capabilities()} throw
 * {@link UnsupportedOperationException}.
 */
@ConsumerType
public interface StreamingConnector {
    /** Service property (String): the service name, lower-case, e.g. {@code subsonic}, {@code jamendo}. */
    String SERVICE = "segue.connector.service";

    /** [any] What this connector supports; constant for the life of the service. */
    Set<ConnectorCapability> capabilities();

    /**
     * Searches the service's catalogue.
     *
     * @param query the user's search text
     * @param cursor {@code null} for the first page, else {@link Page#nextCursor()} of the previous
     * @throws IOException if the service cannot be reached or answers with an error
     */
    Page<RemoteTrack> search(String query, String cursor) throws IOException;

    /**
     * Lists the account's playlists.
     *
     * @param cursor {@code null} for the first page, else {@link Page#nextCursor()} of the previous
     * @throws IOException if the service cannot be reached or answers with an error
     */
    Page<RemotePlaylist> playlists(String cursor) throws IOException;

    /**
     * Lists the tracks of a playlist, in playlist order.
     *
     * @param playlistId the playlist's {@link RemotePlaylist#remoteId()}
     * @param cursor {@code null} for the first page, else {@link Page#nextCursor()} of the previous
     * @throws IOException if the service cannot be reached, answers with an error or has no such
     *         playlist
     */
    Page<RemoteTrack> playlistTracks(String playlistId, String cursor) throws IOException;

    /**
     * Opens the encoded audio of a track (for an {@code AudioDecoder}); the caller closes the stream.
     *
     * <p>Audio is given out only for {@link AudioRights#MIXABLE} tracks. The connector checks the
     * rights itself, as the service reports them now, and does not trust {@code track.rights()},
     * which any caller can construct.
     *
     * @throws java.nio.file.AccessDeniedException (an {@code IOException}) naming the track when its
     *         rights are not {@code MIXABLE}
     * @throws IOException if the service cannot be reached or the download fails
     */
    InputStream openAudio(RemoteTrack track) throws IOException;
}
