package org.segue.plugin.connector.listenbrainz.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.segue.api.connector.AudioRights;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns ListenBrainz's three shapes of track (a listen's {@code track_metadata}, a JSPF playlist
 * track, a bare recording id from the recommender) into {@link RemoteTrack}s.
 */
final class ListenBrainzTracks {
    /** The id of the listens feed as a playlist; not an MBID, so no real playlist has it. */
    static final String LISTENS = "listens";
    /** The id of the collaborative-filtering recommendations as a playlist. */
    static final String RECOMMENDATIONS = "recommendations";
    private static final Pattern MBID = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", Pattern.CASE_INSENSITIVE);

    private final ListenBrainzClient client;

    ListenBrainzTracks(ListenBrainzClient client) {
        this.client = client;
    }

    /** Recent listens, newest first; the cursor is the {@code listened_at} to continue before. */
    Page<RemoteTrack> listens(String user, int count, String cursor) throws IOException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("count", count);
        if (cursor != null) {
            if (!cursor.matches("\\d{1,12}")) {
                throw new IllegalArgumentException("not a ListenBrainz listens cursor: " + cursor);
            }
            params.put("max_ts", cursor);
        }
        JsonNode listens = client.get("1/user/" + segment(user) + "/listens", params, "listens of " + user)
                .path("payload").path("listens");
        List<RemoteTrack> tracks = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        for (JsonNode listen : listens) {
            oldest = Math.min(oldest, listen.path("listened_at").asLong(Long.MAX_VALUE));
            RemoteTrack t = listen(listen);
            if (t != null) {
                tracks.add(t);
            }
        }
        boolean more = listens.size() >= count && oldest != Long.MAX_VALUE;
        return new Page<>(tracks, more ? Long.toString(oldest) : null);
    }

    /** The user's recording recommendations, best first, with their metadata; the cursor is an offset. */
    Page<RemoteTrack> recommendations(String user, int count, String cursor) throws IOException {
        int offset = 0;
        if (cursor != null) {
            if (!cursor.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("not a ListenBrainz recommendations cursor: " + cursor);
            }
            offset = Integer.parseInt(cursor);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("count", count);
        params.put("offset", offset);
        JsonNode payload = client.get("1/cf/recommendation/user/" + segment(user) + "/recording", params,
                "recommendations for " + user).path("payload");
        List<String> ids = new ArrayList<>();
        for (JsonNode m : payload.path("mbids")) {
            String id = m.path("recording_mbid").asText("");
            if (MBID.matcher(id).matches()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            // 204 or an empty list: ListenBrainz has not computed recommendations for this user (yet).
            return new Page<>(List.of(), null);
        }
        Map<String, Object> lookup = new LinkedHashMap<>();
        lookup.put("recording_mbids", String.join(",", ids));
        lookup.put("inc", "artist release");
        JsonNode metadata = client.get("1/metadata/recording/", lookup, ids.size() + " recordings' metadata");
        List<RemoteTrack> tracks = new ArrayList<>();
        for (String id : ids) {
            JsonNode m = metadata.path(id);
            tracks.add(new RemoteTrack(ListenBrainzConnector.SERVICE, id, text(m.path("recording"), "name"),
                    text(m.path("artist"), "name"), text(m.path("release"), "name"),
                    Math.max(0, m.path("recording").path("length").asDouble(0) / 1000.0), null, id, null,
                    AudioRights.NONE));
        }
        int returned = payload.path("mbids").size();
        int total = payload.path("total_mbid_count").asInt(0);
        return new Page<>(tracks, offset + returned < total ? Integer.toString(offset + returned) : null);
    }

    /** A JSPF playlist's tracks, all in one page (ListenBrainz sends a playlist whole). */
    Page<RemoteTrack> playlist(String playlistId, String cursor) throws IOException {
        if (!MBID.matcher(playlistId).matches()) {
            throw new IOException("not a ListenBrainz playlist id: " + playlistId + " (playlists are MBIDs, or "
                    + LISTENS + " or " + RECOMMENDATIONS + ")");
        }
        if (cursor != null) {
            throw new IllegalArgumentException("ListenBrainz playlists come in one page; there is no cursor " + cursor);
        }
        JsonNode playlist = client.get("1/playlist/" + playlistId, Map.of(), "playlist " + playlistId).path("playlist");
        return new Page<>(jspfTracks(playlist), null);
    }

    static List<RemoteTrack> jspfTracks(JsonNode playlist) {
        List<RemoteTrack> tracks = new ArrayList<>();
        for (JsonNode t : playlist.path("track")) {
            String mbid = mbid(t.path("identifier"));
            if (mbid == null) {
                continue;
            }
            tracks.add(new RemoteTrack(ListenBrainzConnector.SERVICE, mbid, text(t, "title"), text(t, "creator"),
                    text(t, "album"), Math.max(0, t.path("duration").asDouble(0) / 1000.0), null, mbid, null,
                    AudioRights.NONE));
        }
        return tracks;
    }

    static List<RemotePlaylist> playlists(JsonNode answer) {
        List<RemotePlaylist> lists = new ArrayList<>();
        for (JsonNode entry : answer.path("playlists")) {
            JsonNode p = entry.has("playlist") ? entry.path("playlist") : entry;
            String id = mbid(p.path("identifier"));
            if (id != null) {
                lists.add(new RemotePlaylist(ListenBrainzConnector.SERVICE, id, p.path("title").asText(""), -1));
            }
        }
        return lists;
    }

    private static RemoteTrack listen(JsonNode listen) {
        JsonNode meta = listen.path("track_metadata");
        JsonNode info = meta.path("additional_info");
        String mbid = firstMbid(meta.path("mbid_mapping").path("recording_mbid").asText(null),
                info.path("recording_mbid").asText(null));
        String id = mbid != null ? mbid : listen.path("recording_msid").asText("");
        if (id.isBlank()) {
            return null;
        }
        double seconds = info.has("duration_ms") ? info.path("duration_ms").asDouble(0) / 1000.0
                : info.path("duration").asDouble(0);
        return new RemoteTrack(ListenBrainzConnector.SERVICE, id, text(meta, "track_name"), text(meta, "artist_name"),
                text(meta, "release_name"), Math.max(0, seconds), text(info, "isrc"), mbid, null, AudioRights.NONE);
    }

    /** JSPF identifiers are a URL or a list of URLs; the recording MBID is in the MusicBrainz/ListenBrainz one. */
    private static String mbid(JsonNode identifier) {
        if (identifier.isArray()) {
            for (JsonNode i : identifier) {
                String id = mbid(i);
                if (id != null) {
                    return id;
                }
            }
            return null;
        }
        Matcher m = MBID.matcher(identifier.asText(""));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String firstMbid(String... candidates) {
        for (String c : candidates) {
            if (c != null && MBID.matcher(c).matches()) {
                return c.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String segment(String s) {
        return ListenBrainzClient.encode(s).replace("+", "%20");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
