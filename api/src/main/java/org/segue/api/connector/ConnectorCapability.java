package org.segue.api.connector;

/** A feature a connector supports; methods for features it lacks throw {@link UnsupportedOperationException}. */
public enum ConnectorCapability {
    /** {@link StreamingConnector#search}. */
    SEARCH,
    /** {@link StreamingConnector#playlists} and {@link StreamingConnector#playlistTracks}. */
    PLAYLISTS,
    /** {@link StreamingConnector#openAudio}, for tracks that are {@link AudioRights#MIXABLE}. */
    AUDIO,
    /** The service holds ratings that importers may read. */
    RATINGS,
    /** The service offers its own recommendations. */
    RECOMMENDATIONS
}
