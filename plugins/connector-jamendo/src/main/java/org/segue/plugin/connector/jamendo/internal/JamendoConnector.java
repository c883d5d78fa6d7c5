package org.segue.plugin.connector.jamendo.internal;

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
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.ConnectorCapability;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;
import org.segue.api.connector.SegueConnector;
import org.segue.api.connector.StreamingConnector;
import org.segue.support.licence.CcLicences;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jamendo: independent music under Creative Commons licences. Each track states whether its artist
 * allows downloads ({@code audiodownload_allowed}) and under which licence; a track is
 * {@link AudioRights#MIXABLE} only when both allow a shared mix (see {@link CcLicences}), else it
 * can be listed and streamed on Jamendo ({@link AudioRights#STREAM_ONLY}) but not mixed.
 *
 * <p>One component per configuration {@code org.segue.connector.jamendo~<name>}: an application's
 * client id (free at devportal.jamendo.com) and, for playlists, a Jamendo user name.
 */
@Component(configurationPid = JamendoConnector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = StreamingConnector.class)
@SegueConnector(service = JamendoConnector.SERVICE)
@Designate(ocd = JamendoConnector.Config.class, factory = true)
public class JamendoConnector implements StreamingConnector {
    public static final String PID = "org.segue.connector.jamendo";
    public static final String SERVICE = "jamendo";

    @ObjectClassDefinition(name = "Segue Jamendo connector", description = "Jamendo's catalogue through its API v3.0")
    public @interface Config {
        @AttributeDefinition(description = "The application's client id from devportal.jamendo.com")
        String clientId();

        @AttributeDefinition(description = "A Jamendo user name whose public playlists to list; empty for none")
        String userName() default "";

        @AttributeDefinition(description = "The API's address")
        String apiUrl() default "https://api.jamendo.com/v3.0/";

        @AttributeDefinition(description = "Tracks per page, 1..200 (Jamendo's limit)")
        int pageSize() default 50;

        @AttributeDefinition(description = "Timeout of one request in seconds, 1..30")
        int timeoutSeconds() default 15;
    }

    private JamendoClient client;
    private String userName;
    private int pageSize;

    /** For DS. */
    public JamendoConnector() {
    }

    JamendoConnector(JamendoClient client, String userName, int pageSize) {
        this.client = client;
        this.userName = userName;
        this.pageSize = pageSize;
    }

    @Activate
    void activate(Config config) {
        if (config.clientId() == null || config.clientId().isBlank()) {
            throw new IllegalArgumentException(PID + ": clientId is required (register at devportal.jamendo.com)");
        }
        int timeout = Math.max(1, Math.min(30, config.timeoutSeconds()));
        client = new JamendoClient(URI.create(config.apiUrl().trim()), config.clientId().trim(),
                Duration.ofSeconds(timeout), d -> Thread.sleep(d.toMillis()));
        userName = config.userName() == null ? "" : config.userName().trim();
        pageSize = Math.max(1, Math.min(200, config.pageSize()));
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return userName.isEmpty() ? Set.of(ConnectorCapability.SEARCH, ConnectorCapability.AUDIO)
                : Set.copyOf(EnumSet.of(ConnectorCapability.SEARCH, ConnectorCapability.PLAYLISTS,
                        ConnectorCapability.AUDIO));
    }

    @Override
    public Page<RemoteTrack> search(String query, String cursor) throws IOException {
        int offset = offset(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("search", query);
        params.put("limit", pageSize);
        params.put("offset", offset);
        List<RemoteTrack> tracks = tracks(client.results("tracks", params));
        return new Page<>(tracks, tracks.size() == pageSize ? Integer.toString(offset + pageSize) : null);
    }

    @Override
    public Page<RemotePlaylist> playlists(String cursor) throws IOException {
        if (userName.isEmpty()) {
            throw new UnsupportedOperationException("Jamendo playlists need a userName in " + PID);
        }
        int offset = offset(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user_name", userName);
        params.put("limit", pageSize);
        params.put("offset", offset);
        List<RemotePlaylist> lists = new ArrayList<>();
        for (JsonNode p : client.results("playlists", params)) {
            lists.add(new RemotePlaylist(SERVICE, p.path("id").asText(), p.path("name").asText(""), -1));
        }
        return new Page<>(lists, lists.size() == pageSize ? Integer.toString(offset + pageSize) : null);
    }

    @Override
    public Page<RemoteTrack> playlistTracks(String playlistId, String cursor) throws IOException {
        int offset = offset(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", playlistId);
        params.put("limit", pageSize);
        params.put("offset", offset);
        JsonNode results = client.results("playlists/tracks", params);
        if (results.isEmpty()) {
            throw new IOException("Jamendo has no playlist " + playlistId);
        }
        List<RemoteTrack> tracks = tracks(results.get(0).path("tracks"));
        return new Page<>(tracks, tracks.size() == pageSize ? Integer.toString(offset + pageSize) : null);
    }

    @Override
    public InputStream openAudio(RemoteTrack track) throws IOException {
        if (!SERVICE.equals(track.service())) {
            throw new IllegalArgumentException("not a Jamendo track: " + track.service() + " " + track.remoteId());
        }
        // The permission and licence as Jamendo states them now; artists can withdraw downloads.
        JsonNode results = client.results("tracks", Map.of("id", track.remoteId()));
        if (results.isEmpty()) {
            throw new IOException("Jamendo has no track " + track.remoteId() + " (" + track.title() + ")");
        }
        JsonNode now = results.get(0);
        if (rights(now) != AudioRights.MIXABLE) {
            throw new AccessDeniedException("jamendo:" + track.remoteId(), null, "'" + now.path("name").asText()
                    + "' may not be mixed: " + (now.path("audiodownload_allowed").asBoolean(false)
                            ? "its licence " + CcLicences.name(now.path("license_ccurl").asText(null))
                                    + " forbids sharing adaptations"
                            : "its artist does not allow downloads"));
        }
        return client.download(URI.create(now.path("audiodownload").asText()));
    }

    private static List<RemoteTrack> tracks(JsonNode results) {
        List<RemoteTrack> tracks = new ArrayList<>();
        for (JsonNode t : results) {
            String licenceUrl = t.path("license_ccurl").asText(null);
            tracks.add(new RemoteTrack(SERVICE, t.path("id").asText(), text(t, "name"), text(t, "artist_name"),
                    text(t, "album_name"), Math.max(0, t.path("duration").asDouble(0)), null, null,
                    CcLicences.name(licenceUrl), rights(t)));
        }
        return tracks;
    }

    static AudioRights rights(JsonNode track) {
        boolean download = track.path("audiodownload_allowed").asBoolean(false)
                && !track.path("audiodownload").asText("").isBlank();
        return download && CcLicences.allowsMixing(track.path("license_ccurl").asText(null)) ? AudioRights.MIXABLE
                : AudioRights.STREAM_ONLY;
    }

    private static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        if (!cursor.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("not a Jamendo paging cursor: " + cursor);
        }
        return Integer.parseInt(cursor);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
