/**
 * Connectors to streaming and library services (Subsonic, Jamendo, Internet Archive, Spotify…).
 *
 * <p>A connector plugin registers a {@link org.segue.api.connector.StreamingConnector} service for
 * one service. Metadata (search, playlists) is available from every connector; audio only where
 * the service licenses decoding and mixing it, as each track's
 * {@link org.segue.api.connector.AudioRights} states. Results are paged with opaque cursors so a
 * connector can pass on whatever its service uses (offsets, tokens).
 *
 * <p>Versioning: consumers (connector implementers and callers) import {@code [1.0,2)}; there are
 * no provider types in this package.
 */
@Export
@Version("1.0.0")
package org.segue.api.connector;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
