package org.segue.plugin.connector.subsonic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.ConnectorCapability;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;
import org.segue.api.connector.SegueConnector;
import org.segue.api.connector.StreamingConnector;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One account on a self-hosted Subsonic or OpenSubsonic server (Navidrome, Airsonic, Gonic,
 * Supysonic …): search, playlists and the original audio files. The files are the user's own
 * music on their own server, so they are {@link AudioRights#MIXABLE} whenever the account has the
 * server's download role; without it they are listed as {@link AudioRights#STREAM_ONLY} and never
 * handed out.
 *
 * <p>One component per account: a factory configuration {@code org.segue.connector.subsonic~<name>}.
 */
@Component(configurationPid = SubsonicConnector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = StreamingConnector.class)
@SegueConnector(service = SubsonicConnector.SERVICE)
@Designate(ocd = SubsonicConnector.Config.class, factory = true)
public class SubsonicConnector implements StreamingConnector {
    public static final String PID = "org.segue.connector.subsonic";
    public static final String SERVICE = "subsonic";

    @ObjectClassDefinition(name = "Segue Subsonic connector", description = "One account on a Subsonic server")
    public @interface Config {
        @AttributeDefinition(description = "The server's address, e.g. https://music.example.org/")
        String url();

        @AttributeDefinition(description = "The account's user name")
        String username();

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "The account's password")
        String password();

        @AttributeDefinition(description = "Timeout of one request in seconds, 1..30")
        int timeoutSeconds() default 15;

        @AttributeDefinition(description = "Tracks per search page, 1..500")
        int pageSize() default 50;
    }

    private static final Set<ConnectorCapability> CAPABILITIES =
            Set.copyOf(EnumSet.of(ConnectorCapability.SEARCH, ConnectorCapability.PLAYLISTS, ConnectorCapability.AUDIO));

    private SubsonicClient client;
    private int pageSize;

    /** For DS. */
    public SubsonicConnector() {
    }

    SubsonicConnector(SubsonicClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    @Activate
    void activate(Config config) {
        if (config.url() == null || config.url().isBlank()) {
            throw new IllegalArgumentException(PID + ": url is required");
        }
        if (config.username() == null || config.username().isBlank()) {
            throw new IllegalArgumentException(PID + ": username is required");
        }
        URI url = URI.create(config.url().trim());
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException(PID + ": url must be http or https: " + config.url());
        }
        int timeout = Math.max(1, Math.min(30, config.timeoutSeconds()));
        this.client = new SubsonicClient(url, config.username(), config.password() == null ? "" : config.password(),
                Duration.ofSeconds(timeout));
        this.pageSize = Math.max(1, Math.min(500, config.pageSize()));
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Page<RemoteTrack> search(String query, String cursor) throws IOException {
        int offset = Cursors.offset(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("artistCount", 0);
        params.put("albumCount", 0);
        params.put("songCount", pageSize);
        params.put("songOffset", offset);
        JsonNode songs = client.call("search3", params).path("searchResult3").path("song");
        AudioRights rights = rights();
        List<RemoteTrack> tracks = new ArrayList<>();
        for (JsonNode song : songs) {
            tracks.add(SubsonicSongs.track(song, rights));
        }
        return new Page<>(tracks, tracks.size() == pageSize ? Integer.toString(offset + pageSize) : null);
    }

    @Override
    public Page<RemotePlaylist> playlists(String cursor) throws IOException {
        List<RemotePlaylist> lists = new ArrayList<>();
        for (JsonNode p : client.call("getPlaylists", Map.of()).path("playlists").path("playlist")) {
            lists.add(new RemotePlaylist(SERVICE, p.path("id").asText(), p.path("name").asText(""),
                    p.has("songCount") ? p.path("songCount").asInt() : -1));
        }
        // Subsonic lists every playlist in one answer; there is no next page.
        return new Page<>(lists, null);
    }

    @Override
    public Page<RemoteTrack> playlistTracks(String playlistId, String cursor) throws IOException {
        JsonNode entries = client.call("getPlaylist", Map.of("id", playlistId)).path("playlist").path("entry");
        AudioRights rights = rights();
        List<RemoteTrack> tracks = new ArrayList<>();
        for (JsonNode song : entries) {
            tracks.add(SubsonicSongs.track(song, rights));
        }
        return new Page<>(tracks, null);
    }

    @Override
    public InputStream openAudio(RemoteTrack track) throws IOException {
        if (!SERVICE.equals(track.service())) {
            throw new IllegalArgumentException("not a Subsonic track: " + track.service() + " " + track.remoteId());
        }
        // The rights as the server states them now, not as the caller's record claims.
        try {
            client.call("getSong", Map.of("id", track.remoteId()));
        } catch (SubsonicException e) {
            throw new IOException("track " + track.remoteId() + " (" + track.title() + ") is not on "
                    + client.server() + ": " + e.getMessage(), e);
        }
        if (rights() != AudioRights.MIXABLE) {
            throw new AccessDeniedException("subsonic:" + track.remoteId(), null,
                    "the account has no download role on " + client.server() + ", so the audio of '" + track.title()
                            + "' may be streamed there but not mixed");
        }
        return client.open("download", Map.of("id", track.remoteId()));
    }

    /** What the account may do with audio, from its roles ({@code getUser}). */
    private AudioRights rights() throws IOException {
        JsonNode user = client.call("getUser", Map.of("username", username())).path("user");
        if (user.path("downloadRole").asBoolean(false)) {
            return AudioRights.MIXABLE;
        }
        return user.path("streamRole").asBoolean(false) ? AudioRights.STREAM_ONLY : AudioRights.NONE;
    }

    private String username() {
        return client.username();
    }

    @Override
    public String toString() {
        return "SubsonicConnector[" + (client == null ? "inactive" : client.server()) + "]";
    }
}
