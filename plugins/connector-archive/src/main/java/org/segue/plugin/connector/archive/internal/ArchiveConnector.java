package org.segue.plugin.connector.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
import org.segue.support.licence.CcLicences;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Internet Archive's audio collections (netlabels, live concerts, old recordings…). Each item
 * (an album, a concert, a single) states one licence for all its files; its tracks are
 * {@link AudioRights#MIXABLE} when that licence is Creative Commons without ND or public domain
 * (see {@link CcLicences}), like Jamendo's, and can otherwise only be played on archive.org.
 *
 * <p>Search finds audio items ({@code mediatype:audio}, within {@code collection} when configured)
 * and lists each item's tracks; a page is {@code pageSize} items. When a collection is configured,
 * its items are the playlists, so {@code segue import --from archive --playlist <identifier>} imports
 * a whole album or concert. Downloads take the lossless original when there is one, else the
 * Archive's VBR MP3 of it.
 *
 * <p>One component per configuration {@code org.segue.connector.archive~<name>}; no credentials.
 */
@Component(configurationPid = ArchiveConnector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = StreamingConnector.class)
@SegueConnector(service = ArchiveConnector.SERVICE)
@Designate(ocd = ArchiveConnector.Config.class, factory = true)
public class ArchiveConnector implements StreamingConnector {
    public static final String PID = "org.segue.connector.archive";
    public static final String SERVICE = "archive";
    private static final List<String> FIELDS = List.of("identifier", "title", "creator", "licenseurl");

    @ObjectClassDefinition(name = "Segue Internet Archive connector",
            description = "Audio items of the Internet Archive, through advancedsearch.php and the metadata API")
    public @interface Config {
        @AttributeDefinition(description = "A collection to search in and list as playlists, e.g. netlabels or "
                + "etree; empty to search all audio and list no playlists")
        String collection() default "";

        @AttributeDefinition(description = "The Archive's address")
        String apiUrl() default "https://archive.org/";

        @AttributeDefinition(description = "Items per page of search results, 1..50 (each item is one more request)")
        int pageSize() default 10;

        @AttributeDefinition(description = "Timeout of one request in seconds, 1..30")
        int timeoutSeconds() default 20;
    }

    private ArchiveClient client;
    private String collection;
    private int pageSize;

    /** For DS. */
    public ArchiveConnector() {
    }

    ArchiveConnector(ArchiveClient client, String collection, int pageSize) {
        this.client = client;
        this.collection = collection;
        this.pageSize = pageSize;
    }

    @Activate
    void activate(Config config, BundleContext context) {
        collection = config.collection() == null ? "" : config.collection().trim();
        if (!collection.isEmpty()) {
            ArchiveClient.requireIdentifier(collection);
        }
        int timeout = Math.max(1, Math.min(30, config.timeoutSeconds()));
        client = new ArchiveClient(URI.create(config.apiUrl().trim()),
                "Segue/" + context.getBundle().getVersion() + " (Internet Archive connector)", Duration.ofSeconds(timeout),
                d -> Thread.sleep(d.toMillis()));
        pageSize = Math.max(1, Math.min(50, config.pageSize()));
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return collection.isEmpty() ? Set.of(ConnectorCapability.SEARCH, ConnectorCapability.AUDIO)
                : Set.copyOf(EnumSet.of(ConnectorCapability.SEARCH, ConnectorCapability.PLAYLISTS,
                        ConnectorCapability.AUDIO));
    }

    @Override
    public Page<RemoteTrack> search(String query, String cursor) throws IOException {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the Internet Archive needs search words");
        }
        int page = page(cursor);
        JsonNode response = client.search("(" + query.trim() + ") AND " + scope(), FIELDS, pageSize, page);
        List<RemoteTrack> tracks = new ArrayList<>();
        for (JsonNode doc : response.path("docs")) {
            String identifier = doc.path("identifier").asText("");
            if (!identifier.isBlank()) {
                tracks.addAll(new ArchiveItem(client.metadata(identifier)).tracks(SERVICE));
            }
        }
        return new Page<>(tracks, next(response, page));
    }

    @Override
    public Page<RemotePlaylist> playlists(String cursor) throws IOException {
        if (collection.isEmpty()) {
            throw new UnsupportedOperationException("Internet Archive playlists need a collection in " + PID);
        }
        int page = page(cursor);
        JsonNode response = client.search(scope(), FIELDS, pageSize, page);
        List<RemotePlaylist> lists = new ArrayList<>();
        for (JsonNode doc : response.path("docs")) {
            String identifier = doc.path("identifier").asText("");
            if (!identifier.isBlank()) {
                String title = ArchiveItem.first(doc.path("title"));
                lists.add(new RemotePlaylist(SERVICE, identifier, title == null ? identifier : title, -1));
            }
        }
        return new Page<>(lists, next(response, page));
    }

    @Override
    public Page<RemoteTrack> playlistTracks(String playlistId, String cursor) throws IOException {
        ArchiveClient.requireIdentifier(playlistId);
        if (cursor != null) {
            throw new IllegalArgumentException("an Internet Archive item's tracks come in one page; no cursor " + cursor);
        }
        return new Page<>(new ArchiveItem(client.metadata(playlistId)).tracks(SERVICE), null);
    }

    @Override
    public InputStream openAudio(RemoteTrack track) throws IOException {
        if (!SERVICE.equals(track.service())) {
            throw new IllegalArgumentException("not an Internet Archive track: " + track.service() + " " + track.remoteId());
        }
        int slash = track.remoteId().indexOf('/');
        if (slash <= 0 || slash == track.remoteId().length() - 1) {
            throw new IllegalArgumentException("not an Internet Archive track id (identifier/file): " + track.remoteId());
        }
        String identifier = track.remoteId().substring(0, slash);
        String file = track.remoteId().substring(slash + 1);
        ArchiveClient.requireIdentifier(identifier);
        // The licence as the Archive states it now: uploaders and curators can change it.
        ArchiveItem item = new ArchiveItem(client.metadata(identifier));
        String what = "archive:" + track.remoteId();
        if (item.rights() != AudioRights.MIXABLE) {
            String licence = CcLicences.name(item.licenceUrl());
            throw new AccessDeniedException(what, null, "'" + (track.title() == null ? file : track.title())
                    + "' may not be mixed: " + (item.rights() == AudioRights.NONE ? "the item is lent, not published"
                            : licence == null ? "its item states no licence" : "its licence " + licence
                                    + " does not allow sharing a mix"));
        }
        JsonNode chosen = item.download(file).orElseThrow(() -> new IOException(
                "the Internet Archive item " + identifier + " has no downloadable audio for " + file));
        return client.download(identifier, chosen.path("name").asText());
    }

    private String scope() {
        return "mediatype:(audio)" + (collection.isEmpty() ? "" : " AND collection:(" + collection + ")");
    }

    private static String next(JsonNode response, int page) {
        int start = response.path("start").asInt(0);
        int returned = response.path("docs").size();
        return returned > 0 && start + returned < response.path("numFound").asInt(0) ? Integer.toString(page + 1) : null;
    }

    private static int page(String cursor) {
        if (cursor == null) {
            return 1;
        }
        if (!cursor.matches("\\d{1,6}") || Integer.parseInt(cursor) < 1) {
            throw new IllegalArgumentException("not an Internet Archive paging cursor: " + cursor);
        }
        return Integer.parseInt(cursor);
    }
}
