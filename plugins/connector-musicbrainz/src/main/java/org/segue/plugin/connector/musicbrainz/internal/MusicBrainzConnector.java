package org.segue.plugin.connector.musicbrainz.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * MusicBrainz: the open music encyclopaedia. It holds no audio, so every track is
 * {@link AudioRights#NONE}; what it gives Segue are the ids that match one recording across
 * services and local files (MusicBrainz recording id, ISRCs) and clean titles and artist credits.
 *
 * <p>Search is MusicBrainz's recording search (its Lucene query syntax passes through, e.g.
 * {@code recording:"Blue Monday" AND artist:"New Order"}). Playlists are the public recording
 * collections of one MusicBrainz editor, when {@code editor} is configured.
 *
 * <p>One component per configuration {@code org.segue.connector.musicbrainz~<name>}; no credentials.
 */
@Component(configurationPid = MusicBrainzConnector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = StreamingConnector.class)
@SegueConnector(service = MusicBrainzConnector.SERVICE)
@Designate(ocd = MusicBrainzConnector.Config.class, factory = true)
public class MusicBrainzConnector implements StreamingConnector {
    public static final String PID = "org.segue.connector.musicbrainz";
    public static final String SERVICE = "musicbrainz";
    /** MusicBrainz's own servers allow one request per second per client; mirrors may allow more. */
    static final Duration OFFICIAL_INTERVAL = Duration.ofSeconds(1);

    @ObjectClassDefinition(name = "Segue MusicBrainz connector",
            description = "MusicBrainz's web service version 2: recording search and recording collections")
    public @interface Config {
        @AttributeDefinition(description = "An e-mail address or web page where MusicBrainz can reach you; sent in "
                + "the User-Agent as MusicBrainz asks of every client")
        String contact() default "";

        @AttributeDefinition(description = "A MusicBrainz editor whose public recording collections to list as "
                + "playlists; empty for none")
        String editor() default "";

        @AttributeDefinition(description = "The web service's address (a mirror may be given)")
        String apiUrl() default "https://musicbrainz.org/ws/2/";

        @AttributeDefinition(description = "Least time between two requests in milliseconds; at least 1000 for "
                + "musicbrainz.org")
        int minIntervalMillis() default 1000;

        @AttributeDefinition(description = "Recordings per page, 1..100 (MusicBrainz's limit)")
        int pageSize() default 25;

        @AttributeDefinition(description = "Timeout of one request in seconds, 1..30")
        int timeoutSeconds() default 15;
    }

    private MusicBrainzClient client;
    private String editor;
    private int pageSize;

    /** For DS. */
    public MusicBrainzConnector() {
    }

    MusicBrainzConnector(MusicBrainzClient client, String editor, int pageSize) {
        this.client = client;
        this.editor = editor;
        this.pageSize = pageSize;
    }

    @Activate
    void activate(Config config, BundleContext context) {
        URI api = URI.create(config.apiUrl().trim());
        Duration interval = Duration.ofMillis(Math.max(0, config.minIntervalMillis()));
        if (isOfficial(api) && interval.compareTo(OFFICIAL_INTERVAL) < 0) {
            interval = OFFICIAL_INTERVAL;
        }
        int timeout = Math.max(1, Math.min(30, config.timeoutSeconds()));
        client = new MusicBrainzClient(api, userAgent(context.getBundle().getVersion().toString(), config.contact()),
                Duration.ofSeconds(timeout), new RequestPacer(interval, System::nanoTime, d -> Thread.sleep(d.toMillis(),
                        (int) (d.toNanos() % 1_000_000))));
        editor = config.editor() == null ? "" : config.editor().trim();
        pageSize = Math.max(1, Math.min(100, config.pageSize()));
    }

    /** {@code Segue/<version> ( <contact> )}, the form MusicBrainz asks for. */
    static String userAgent(String version, String contact) {
        String c = contact == null ? "" : contact.trim().replaceAll("[\\r\\n()]", "");
        return "Segue/" + version + " ( " + (c.isEmpty() ? "contact not configured" : c) + " )";
    }

    static boolean isOfficial(URI api) {
        String host = api.getHost() == null ? "" : api.getHost().toLowerCase(Locale.ROOT);
        return host.equals("musicbrainz.org") || host.endsWith(".musicbrainz.org");
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return editor.isEmpty() ? Set.of(ConnectorCapability.SEARCH)
                : Set.copyOf(EnumSet.of(ConnectorCapability.SEARCH, ConnectorCapability.PLAYLISTS));
    }

    @Override
    public Page<RemoteTrack> search(String query, String cursor) throws IOException {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("MusicBrainz needs search words");
        }
        int offset = offset(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("limit", pageSize);
        params.put("offset", offset);
        JsonNode root = client.get("recording", params);
        List<RemoteTrack> tracks = tracks(root.path("recordings"));
        return new Page<>(tracks, next(offset, root.path("recordings").size(), root.path("count").asInt(0)));
    }

    @Override
    public Page<RemotePlaylist> playlists(String cursor) throws IOException {
        if (editor.isEmpty()) {
            throw new UnsupportedOperationException("MusicBrainz playlists need an editor in " + PID);
        }
        int offset = offset(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("editor", editor);
        params.put("limit", pageSize);
        params.put("offset", offset);
        JsonNode root = client.get("collection", params);
        List<RemotePlaylist> lists = new ArrayList<>();
        for (JsonNode c : root.path("collections")) {
            // Editors also collect releases, artists, events…; only recording collections are track lists.
            if ("recording".equals(c.path("entity-type").asText())) {
                lists.add(new RemotePlaylist(SERVICE, c.path("id").asText(), c.path("name").asText(""),
                        c.path("recording-count").asInt(-1)));
            }
        }
        return new Page<>(lists, next(offset, root.path("collections").size(), root.path("collection-count").asInt(0)));
    }

    @Override
    public Page<RemoteTrack> playlistTracks(String playlistId, String cursor) throws IOException {
        if (!playlistId.matches("[0-9a-fA-F-]{36}")) {
            throw new IOException("not a MusicBrainz collection id: " + playlistId);
        }
        int offset = offset(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("collection", playlistId);
        params.put("inc", "artist-credits isrcs");
        params.put("limit", pageSize);
        params.put("offset", offset);
        JsonNode root = client.get("recording", params);
        List<RemoteTrack> tracks = tracks(root.path("recordings"));
        return new Page<>(tracks, next(offset, root.path("recordings").size(), root.path("recording-count").asInt(0)));
    }

    @Override
    public InputStream openAudio(RemoteTrack track) throws IOException {
        throw new UnsupportedOperationException("MusicBrainz holds metadata only, no audio: " + track.remoteId());
    }

    static List<RemoteTrack> tracks(JsonNode recordings) {
        List<RemoteTrack> tracks = new ArrayList<>();
        for (JsonNode r : recordings) {
            String id = r.path("id").asText("");
            if (id.isBlank()) {
                continue;
            }
            JsonNode isrcs = r.path("isrcs");
            JsonNode releases = r.path("releases");
            tracks.add(new RemoteTrack(SERVICE, id, text(r, "title"), artistCredit(r.path("artist-credit")),
                    releases.isArray() && !releases.isEmpty() ? text(releases.get(0), "title") : null,
                    Math.max(0, r.path("length").asDouble(0) / 1000.0),
                    isrcs.isArray() && !isrcs.isEmpty() ? isrcs.get(0).asText() : null, id, null, AudioRights.NONE));
        }
        return tracks;
    }

    /** The credit as MusicBrainz prints it: each credited name followed by its join phrase ("Artist feat. Other"). */
    static String artistCredit(JsonNode credit) {
        StringBuilder text = new StringBuilder();
        for (JsonNode c : credit) {
            text.append(c.path("name").asText(c.path("artist").path("name").asText(""))).append(c.path("joinphrase").asText(""));
        }
        String s = text.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private String next(int offset, int returned, int total) {
        int end = offset + Math.max(returned, 0);
        return returned > 0 && end < total ? Integer.toString(end) : null;
    }

    private static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        if (!cursor.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("not a MusicBrainz paging cursor: " + cursor);
        }
        return Integer.parseInt(cursor);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
