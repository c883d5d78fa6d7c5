package org.segue.api.connector;

/** What Segue may do with a remote track's audio. Constant names are stored; never rename. */
public enum AudioRights {
    /** Metadata only: the service does not license its audio for this use (Spotify, Apple Music…). */
    NONE,
    /**
     * The service's own player may stream it, but Segue may not decode, analyse or mix it; the
     * audio is not available through {@link StreamingConnector#openAudio}.
     */
    STREAM_ONLY,
    /**
     * Segue may download, analyse and mix the audio: the user's own files on a Subsonic server,
     * Creative Commons downloads from Jamendo or the Internet Archive.
     */
    MIXABLE
}
