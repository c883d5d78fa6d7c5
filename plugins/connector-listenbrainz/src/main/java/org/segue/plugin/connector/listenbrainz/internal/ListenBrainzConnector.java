package org.segue.plugin.connector.listenbrainz.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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
import org.segue.api.connector.ConnectorCapability;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;
import org.segue.api.connector.SegueConnector;
import org.segue.api.connector.StreamingConnector;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ListenBrainz: open listening histories and the recommendations computed from them. It holds no
 * audio, so every track is metadata only; each carries its MusicBrainz recording id where
 * ListenBrainz knows it, for matching against the local library.
 *
 * <p>Playlists are, in this order: two lists this connector makes of the API's own feeds,
 * {@value ListenBrainzTracks#RECOMMENDATIONS} (the user's collaborative-filtering recording
 * recommendations) and {@value ListenBrainzTracks#LISTENS} (recent listens, newest first); then the
 * playlists ListenBrainz created for the user (Weekly Jams, Weekly Exploration…); then the user's own
 * playlists. Search is LB Radio: a prompt such as {@code artist:(Lumen Field)}, {@code tag:(house)}
 * or {@code #house}; plain words are taken as an artist, whose radio brings similar artists' tracks.
 *
 * <p>One component per configuration {@code org.segue.connector.listenbrainz~<name>}: the user name
 * and, for private playlists and LB Radio, the user token ({@code segue connect listenbrainz --secret
 * token user=<name>}).
 */
@Component(configurationPid = ListenBrainzConnector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = StreamingConnector.class)
@SegueConnector(service = ListenBrainzConnector.SERVICE)
@Designate(ocd = ListenBrainzConnector.Config.class, factory = true)
public class ListenBrainzConnector implements StreamingConnector {
    public static final String PID = "org.segue.connector.listenbrainz";
    public static final String SERVICE = "listenbrainz";
    private static final String OWN = "own:";

    @ObjectClassDefinition(name = "Segue ListenBrainz connector",
            description = "A ListenBrainz user's listens, playlists and recommendations, and LB Radio")
    public @interface Config {
        @AttributeDefinition(description = "The ListenBrainz user name; empty to take it from the token")
        String user() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD,
                description = "The user token from listenbrainz.org/settings (segue connect asks for it)")
        String token() default "";

        @AttributeDefinition(description = "The API's address")
        String apiUrl() default "https://api.listenbrainz.org/";

        @AttributeDefinition(description = "Items per page, 1..100")
        int pageSize() default 25;

        @AttributeDefinition(description = "LB Radio's mode for search: easy, medium or hard")
        String radioMode() default "easy";

        @AttributeDefinition(description = "Timeout of one request in seconds, 1..30")
        int timeoutSeconds() default 15;
    }

    private ListenBrainzClient client;
    private ListenBrainzTracks tracks;
    private volatile String user;
    private int pageSize;
    private String radioMode;

    /** For DS. */
    public ListenBrainzConnector() {
    }

    ListenBrainzConnector(ListenBrainzClient client, String user, int pageSize, String radioMode) {
        init(client, user, pageSize, radioMode);
    }

    @Activate
    void activate(Config config) {
        if ((config.user() == null || config.user().isBlank()) && (config.token() == null || config.token().isBlank())) {
            throw new IllegalArgumentException(PID + ": give a user, a token, or both (segue connect listenbrainz "
                    + "--secret token user=<name>)");
        }
        String mode = config.radioMode() == null ? "easy" : config.radioMode().trim();
        if (!Set.of("easy", "medium", "hard").contains(mode)) {
            throw new IllegalArgumentException(PID + ": radioMode must be easy, medium or hard, not " + mode);
        }
        int timeout = Math.max(1, Math.min(30, config.timeoutSeconds()));
        init(new ListenBrainzClient(URI.create(config.apiUrl().trim()), config.token(), Duration.ofSeconds(timeout),
                d -> Thread.sleep(d.toMillis()), System::nanoTime), config.user(), config.pageSize(), mode);
    }

    private void init(ListenBrainzClient c, String userName, int size, String mode) {
        client = c;
        tracks = new ListenBrainzTracks(c);
        String configured = userName == null ? "" : userName.trim();
        user = configured.isEmpty() ? null : configured;
        pageSize = Math.max(1, Math.min(100, size));
        radioMode = mode;
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return Set.of(ConnectorCapability.SEARCH, ConnectorCapability.PLAYLISTS, ConnectorCapability.RECOMMENDATIONS);
    }

    @Override
    public Page<RemoteTrack> search(String query, String cursor) throws IOException {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("LB Radio needs a prompt, e.g. artist:(Name) or tag:(house)");
        }
        if (cursor != null) {
            throw new IllegalArgumentException("LB Radio answers in one page; there is no cursor " + cursor);
        }
        String q = query.trim();
        String prompt = q.contains(":") || q.startsWith("#") ? q : "artist:(" + q + ")";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("prompt", prompt);
        params.put("mode", radioMode);
        JsonNode payload = client.get("1/explore/lb-radio", params, "LB Radio for " + prompt).path("payload");
        JsonNode jspf = payload.path("jspf");
        JsonNode playlist = jspf.has("playlist") ? jspf.path("playlist") : jspf;
        return new Page<>(ListenBrainzTracks.jspfTracks(playlist), null);
    }

    @Override
    public Page<RemotePlaylist> playlists(String cursor) throws IOException {
        String name = user();
        int offset = 0;
        List<RemotePlaylist> lists = new ArrayList<>();
        if (cursor == null) {
            lists.add(new RemotePlaylist(SERVICE, ListenBrainzTracks.RECOMMENDATIONS,
                    "Recommended recordings (collaborative filtering)", -1));
            lists.add(new RemotePlaylist(SERVICE, ListenBrainzTracks.LISTENS, "Recent listens", -1));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("count", 100);
            JsonNode created = client.get("1/user/" + path(name) + "/playlists/createdfor", params,
                    "playlists created for " + name);
            lists.addAll(ListenBrainzTracks.playlists(created));
        } else if (cursor.startsWith(OWN) && cursor.substring(OWN.length()).matches("\\d{1,9}")) {
            offset = Integer.parseInt(cursor.substring(OWN.length()));
        } else {
            throw new IllegalArgumentException("not a ListenBrainz playlist cursor: " + cursor);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("count", pageSize);
        params.put("offset", offset);
        JsonNode own = client.get("1/user/" + path(name) + "/playlists", params, "playlists of " + name);
        lists.addAll(ListenBrainzTracks.playlists(own));
        int returned = own.path("playlists").size();
        int total = own.path("playlist_count").asInt(0);
        return new Page<>(lists, returned > 0 && offset + returned < total ? OWN + (offset + returned) : null);
    }

    @Override
    public Page<RemoteTrack> playlistTracks(String playlistId, String cursor) throws IOException {
        return switch (playlistId) {
            case ListenBrainzTracks.LISTENS -> tracks.listens(user(), pageSize, cursor);
            case ListenBrainzTracks.RECOMMENDATIONS -> tracks.recommendations(user(), pageSize, cursor);
            default -> tracks.playlist(playlistId, cursor);
        };
    }

    @Override
    public InputStream openAudio(RemoteTrack track) throws IOException {
        throw new UnsupportedOperationException("ListenBrainz holds listening data only, no audio: " + track.remoteId());
    }

    /** The configured user, or the token's owner as ListenBrainz names it (asked once). */
    String user() throws IOException {
        String known = user;
        if (known != null) {
            return known;
        }
        JsonNode answer = client.get("1/validate-token", Map.of(), "the user token's owner");
        if (!answer.path("valid").asBoolean(false) || answer.path("user_name").asText("").isBlank()) {
            throw new IOException("ListenBrainz says the user token is not valid; copy yours from "
                    + "https://listenbrainz.org/settings/ and save it again with segue connect listenbrainz --secret token");
        }
        user = answer.path("user_name").asText();
        return user;
    }

    private static String path(String segment) {
        return ListenBrainzClient.encode(segment).replace("+", "%20");
    }
}
