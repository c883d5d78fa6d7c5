package org.segue.plugin.connector.spotify.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Spotify, as metadata only: its developer policy forbids mixing or overlapping its audio, and the
 * Web API closed audio features, audio analysis and recommendations to new apps on 27 November 2024.
 * So Segue uses Spotify for search and for the user's playlists, every track {@link AudioRights#NONE},
 * with its ISRC (where Spotify still gives it) to match the same recording in the local library.
 *
 * <p>Authorisation is OAuth 2 authorisation code with PKCE (no client secret on the user's
 * machine): {@code segue connect spotify clientId=<id> --no-secret} saves the account, then
 * {@code segue spotify-login} opens Spotify's consent page and keeps the tokens in this connector's
 * own owner-only file in the user's configuration folder ({@link TokenStore}).
 */
@Component(configurationPid = SpotifyConnector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = StreamingConnector.class)
@SegueConnector(service = SpotifyConnector.SERVICE)
@Designate(ocd = SpotifyConnector.Config.class, factory = true)
public class SpotifyConnector implements StreamingConnector {
    public static final String PID = "org.segue.connector.spotify";
    public static final String SERVICE = "spotify";
    private static final Pattern CFG_NAME = Pattern.compile("org\\.segue\\.connector\\.spotify-([a-z0-9][a-z0-9_.-]{0,31})\\.cfg$");

    @ObjectClassDefinition(name = "Segue Spotify connector",
            description = "Spotify's Web API, metadata only: search and the user's playlists")
    public @interface Config {
        @AttributeDefinition(description = "The client id of your app at developer.spotify.com (PKCE needs no secret)")
        String clientId();

        @AttributeDefinition(description = "The account's name for its token file; empty for the name segue connect "
                + "gave (--name), else default")
        String account() default "";

        @AttributeDefinition(description = "The redirect URI registered for the app; a loopback http address "
                + "(127.0.0.1 or [::1]) lets segue spotify-login catch the answer itself")
        String redirectUri() default "http://127.0.0.1:8898/callback";

        @AttributeDefinition(description = "The scopes asked for, space-separated")
        String scopes() default "playlist-read-private playlist-read-collaborative";

        @AttributeDefinition(description = "The Web API's address")
        String apiUrl() default "https://api.spotify.com/";

        @AttributeDefinition(description = "The accounts service's address")
        String accountsUrl() default "https://accounts.spotify.com/";

        @AttributeDefinition(description = "Items per page, 1..50; Spotify allows development-mode apps at most 10 "
                + "search results per page since February 2026")
        int pageSize() default 10;

        @AttributeDefinition(description = "Timeout of one request in seconds, 1..30")
        int timeoutSeconds() default 15;
    }

    private SpotifyAuth auth;
    private SpotifyClient client;
    private int pageSize;

    /** For DS. */
    public SpotifyConnector() {
    }

    SpotifyConnector(SpotifyAuth auth, SpotifyClient client, int pageSize) {
        this.auth = auth;
        this.client = client;
        this.pageSize = pageSize;
    }

    @Activate
    void activate(Config config, BundleContext context, Map<String, Object> properties) {
        if (config.clientId() == null || config.clientId().isBlank()) {
            throw new IllegalArgumentException(PID + ": clientId is required (create an app at developer.spotify.com "
                    + "and run segue connect spotify clientId=<id> --no-secret)");
        }
        String userConf = context.getProperty("segue.user.conf");
        if (userConf == null || userConf.isBlank()) {
            throw new IllegalStateException(PID + ": the kernel did not say where the user's configuration lives "
                    + "(segue.user.conf), so there is nowhere to keep Spotify's tokens");
        }
        String account = account(config.account(), properties.get("felix.fileinstall.filename"));
        int timeout = Math.max(1, Math.min(30, config.timeoutSeconds()));
        Duration t = Duration.ofSeconds(timeout);
        auth = new SpotifyAuth(config.clientId().trim(), URI.create(config.accountsUrl().trim()),
                URI.create(config.redirectUri().trim()), config.scopes().trim(), account,
                new TokenStore(tokenFile(Path.of(userConf), account)), Clock.systemUTC(), t);
        client = new SpotifyClient(URI.create(config.apiUrl().trim()), auth, t, d -> Thread.sleep(d.toMillis()));
        pageSize = Math.max(1, Math.min(50, config.pageSize()));
    }

    /** The configured name, else the one in the file segue connect wrote ({@code …spotify-<name>.cfg}), else default. */
    static String account(String configured, Object fileInstallName) {
        if (configured != null && !configured.isBlank()) {
            if (!configured.trim().matches("[a-z0-9][a-z0-9_.-]{0,31}")) {
                throw new IllegalArgumentException(PID + ": account must be lower-case letters, digits, '.', '_' or '-'");
            }
            return configured.trim();
        }
        if (fileInstallName != null) {
            Matcher m = CFG_NAME.matcher(String.valueOf(fileInstallName));
            if (m.find()) {
                return m.group(1);
            }
        }
        return "default";
    }

    static Path tokenFile(Path userConf, String account) {
        return userConf.resolve("spotify").resolve(account + ".tokens.json");
    }

    SpotifyAuth auth() {
        return auth;
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return Set.of(ConnectorCapability.SEARCH, ConnectorCapability.PLAYLISTS);
    }

    @Override
    public Page<RemoteTrack> search(String query, String cursor) throws IOException {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("Spotify needs search words");
        }
        URI uri = cursor != null ? client.cursor(cursor)
                : client.resolve("v1/search?q=" + encode(query.trim()) + "&type=track&limit=" + pageSize + "&offset=0");
        JsonNode tracks = client.get(uri, "the search for " + query).path("tracks");
        List<RemoteTrack> found = new ArrayList<>();
        for (JsonNode t : tracks.path("items")) {
            RemoteTrack track = track(t);
            if (track != null) {
                found.add(track);
            }
        }
        return new Page<>(found, next(tracks));
    }

    @Override
    public Page<RemotePlaylist> playlists(String cursor) throws IOException {
        URI uri = cursor != null ? client.cursor(cursor) : client.resolve("v1/me/playlists?limit=" + pageSize + "&offset=0");
        JsonNode answer = client.get(uri, "the account's playlists");
        List<RemotePlaylist> lists = new ArrayList<>();
        for (JsonNode p : answer.path("items")) {
            if (p.isNull() || p.path("id").asText("").isBlank()) {
                continue;
            }
            // The track count moved from tracks.total to items.total in February 2026; read either.
            JsonNode count = p.path("items").has("total") ? p.path("items").path("total") : p.path("tracks").path("total");
            lists.add(new RemotePlaylist(SERVICE, p.path("id").asText(), p.path("name").asText(""), count.asInt(-1)));
        }
        return new Page<>(lists, next(answer));
    }

    @Override
    public Page<RemoteTrack> playlistTracks(String playlistId, String cursor) throws IOException {
        if (!playlistId.matches("[A-Za-z0-9]{1,64}")) {
            throw new IOException("not a Spotify playlist id: " + playlistId);
        }
        URI uri = cursor != null ? client.cursor(cursor)
                : client.resolve("v1/playlists/" + playlistId + "/items?limit=" + pageSize + "&offset=0&additional_types=track");
        JsonNode answer = client.get(uri, "playlist " + playlistId);
        List<RemoteTrack> tracks = new ArrayList<>();
        for (JsonNode entry : answer.path("items")) {
            // Since February 2026 the entry's track is under "item" ("track" is kept while deprecated).
            JsonNode t = entry.hasNonNull("item") ? entry.path("item") : entry.path("track");
            RemoteTrack track = track(t);
            if (track != null) {
                tracks.add(track);
            }
        }
        return new Page<>(tracks, next(answer));
    }

    @Override
    public InputStream openAudio(RemoteTrack track) throws IOException {
        throw new UnsupportedOperationException("Spotify's developer policy forbids mixing its audio; '" + track.title()
                + "' is metadata only");
    }

    /** A track object, or null for what is not a track (an episode, an entry Spotify no longer has). */
    static RemoteTrack track(JsonNode t) {
        if (t == null || t.isNull() || t.isMissingNode() || !"track".equals(t.path("type").asText("track"))) {
            return null;
        }
        // Local files in a playlist have no id, only a spotify:local: URI; they are kept for matching.
        String id = t.path("id").asText("");
        if (id.isBlank()) {
            id = t.path("uri").asText("");
        }
        if (id.isBlank()) {
            return null;
        }
        List<String> artists = new ArrayList<>();
        t.path("artists").forEach(a -> {
            if (!a.path("name").asText("").isBlank()) {
                artists.add(a.path("name").asText());
            }
        });
        String isrc = t.path("external_ids").path("isrc").asText("");
        return new RemoteTrack(SERVICE, id, text(t, "name"), artists.isEmpty() ? null : String.join(", ", artists),
                text(t.path("album"), "name"), Math.max(0, t.path("duration_ms").asDouble(0) / 1000.0),
                isrc.isBlank() ? null : isrc.toUpperCase(Locale.ROOT), null, null, AudioRights.NONE);
    }

    private static String next(JsonNode paging) {
        String next = paging.path("next").asText("");
        return next.isBlank() || paging.path("next").isNull() ? null : next;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
