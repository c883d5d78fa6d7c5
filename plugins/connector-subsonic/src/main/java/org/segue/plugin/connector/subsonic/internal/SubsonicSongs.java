package org.segue.plugin.connector.subsonic.internal;

import org.segue.api.connector.AudioRights;
import org.segue.api.connector.RemoteTrack;

import com.fasterxml.jackson.databind.JsonNode;

/** Subsonic {@code child} (song) objects as {@link RemoteTrack}s. */
final class SubsonicSongs {
    private SubsonicSongs() {
    }

    static RemoteTrack track(JsonNode song, AudioRights rights) {
        double duration = Math.max(0, song.path("duration").asDouble(0));
        return new RemoteTrack(SubsonicConnector.SERVICE, song.path("id").asText(), text(song, "title"),
                text(song, "artist"), text(song, "album"), duration, isrc(song), text(song, "musicBrainzId"),
                // The user's own files carry no licence the server knows of.
                null, rights);
    }

    /** OpenSubsonic servers give {@code isrc} as a list; plain Subsonic has none. */
    private static String isrc(JsonNode song) {
        JsonNode isrc = song.path("isrc");
        if (isrc.isArray() && isrc.size() > 0) {
            return isrc.get(0).asText();
        }
        return isrc.isTextual() ? isrc.asText() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
