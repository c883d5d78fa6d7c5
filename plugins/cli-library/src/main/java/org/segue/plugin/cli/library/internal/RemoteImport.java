package org.segue.plugin.cli.library.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.TrackTags;
import org.segue.api.command.CommandContext;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;
import org.segue.api.connector.StreamingConnector;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackSource;
import org.segue.plugin.cli.library.internal.ImportCommand.Outcome;
import org.segue.support.io.AtomicFiles;

/**
 * Imports the tracks of a service's playlist or search into the library
 * ({@code segue import --from <service> …}).
 *
 * <p>The service's licence and the track's origin go into its tags ({@code license}, {@code source})
 * so that a mix of it credits them.
 *
 * <p>A track the service licenses for mixing ({@link AudioRights#MIXABLE}) is downloaded into
 * {@code downloads/<service>/} (temporary file, then an atomic rename), analysed and stored with
 * its source, remote id and licence. Any other track is stored as metadata only: marked not
 * mixable, with a {@code segue-remote:} location that no decoder opens, so it is listed and can be
 * matched but never reaches the renderer. Already imported tracks whose download is still there are
 * left alone, so an interrupted import continues where it stopped.
 */
final class RemoteImport {
    /** The URI scheme of tracks whose audio is not here. */
    static final String REMOTE_SCHEME = "segue-remote";
    private static final int MAX_PAGES = 1000;

    private final TrackLibrary library;
    private final AnalysisService analysis;
    private final AudioOpener opener;
    private final Path downloads;

    RemoteImport(TrackLibrary library, AnalysisService analysis, AudioOpener opener, Path downloads) {
        this.library = library;
        this.analysis = analysis;
        this.opener = opener;
        this.downloads = downloads;
    }

    /** The tracks of the playlist with this name or id, in order. */
    static List<RemoteTrack> playlist(StreamingConnector connector, String nameOrId) throws IOException {
        RemotePlaylist found = null;
        String cursor = null;
        int pages = 0;
        do {
            Page<RemotePlaylist> page = connector.playlists(cursor);
            for (RemotePlaylist p : page.items()) {
                if (p.remoteId().equals(nameOrId) || (found == null && p.name().equalsIgnoreCase(nameOrId))) {
                    found = p;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);
        if (found == null) {
            throw new IOException("no playlist named '" + nameOrId + "'");
        }
        List<RemoteTrack> tracks = new ArrayList<>();
        cursor = null;
        pages = 0;
        do {
            Page<RemoteTrack> page = connector.playlistTracks(found.remoteId(), cursor);
            tracks.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);
        return tracks;
    }

    /** Every track a search finds, up to {@code limit}. */
    static List<RemoteTrack> search(StreamingConnector connector, String query, int limit) throws IOException {
        List<RemoteTrack> tracks = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<RemoteTrack> page = connector.search(query, cursor);
            tracks.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && tracks.size() < limit && ++pages < MAX_PAGES);
        return tracks.size() > limit ? tracks.subList(0, limit) : tracks;
    }

    /** Imports one track; errors are reported and counted, never thrown, so the batch goes on. */
    Outcome importTrack(CommandContext ctx, StreamingConnector connector, RemoteTrack remote) {
        String name = remote.service() + " track " + remote.remoteId()
                + (remote.title() == null ? "" : " (" + remote.title() + ")");
        try {
            TrackId id = id(remote);
            Optional<Track> known = library.track(id);
            if (remote.rights() != AudioRights.MIXABLE) {
                Track track = new Track(id, remoteLocation(remote), null, tags(remote, TrackTags.empty()),
                        remote.durationSeconds(), new TrackSource(remote.service(), remote.remoteId(), remote.licence(),
                                false));
                library.put(track, null);
                return known.isPresent() ? Outcome.UNCHANGED : Outcome.ADDED;
            }
            Path file = downloads.resolve(remote.service()).resolve(id.value() + ".audio");
            if (known.isPresent() && Files.isRegularFile(file) && library.analysis(id).isPresent()) {
                return Outcome.UNCHANGED;
            }
            download(connector, remote, file);
            TrackReport report = analysis.analyze(file);
            report.failures().forEach(f -> ctx.err().println(
                    "warning: " + name + ": analyzer " + f.analyzerId() + " failed: " + f.reason()));
            Track track = new Track(id, file.toUri(), "sha256:" + report.contentHash(), tags(remote, opener.tags(file)),
                    report.results().durationSeconds(),
                    new TrackSource(remote.service(), remote.remoteId(), remote.licence(), true));
            library.put(track, new TrackResults(id.value(), report.results()));
            return known.isPresent() ? Outcome.UPDATED : Outcome.ADDED;
        } catch (IOException | RuntimeException e) {
            ctx.err().println("error: " + name + ": " + (e.getMessage() == null ? e : e.getMessage()));
            return Outcome.FAILED;
        }
    }

    private static void download(StreamingConnector connector, RemoteTrack remote, Path file) throws IOException {
        try (InputStream in = connector.openAudio(remote)) {
            AtomicFiles.copy(in, file);
        }
    }

    /** The service's metadata where the file has none (services know titles better than many files). */
    private static TrackTags tags(RemoteTrack remote, TrackTags file) {
        Map<String, String> other = new HashMap<>(file.other());
        if (remote.isrc() != null) {
            other.putIfAbsent("isrc", remote.isrc());
        }
        if (remote.musicBrainzId() != null) {
            other.putIfAbsent("musicbrainz_trackid", remote.musicBrainzId());
        }
        // The service's licence is the one that counts (files often carry none): mixes credit it.
        if (remote.licence() != null) {
            other.put("license", remote.licence());
        }
        other.put("source", remote.service() + ":" + remote.remoteId());
        return new TrackTags(first(file.artist(), remote.artist()), first(file.title(), remote.title()),
                first(file.album(), remote.album()), file.genre(), file.bpm(), file.key(), other);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** {@code <service>-} and 24 hex digits of the SHA-256 of service and remote id: stable across imports. */
    static TrackId id(RemoteTrack remote) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((remote.service() + ":" + remote.remoteId()).getBytes(StandardCharsets.UTF_8));
            return new TrackId(remote.service().replaceAll("[^a-z0-9]", "") + "-"
                    + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static URI remoteLocation(RemoteTrack remote) {
        return URI.create(REMOTE_SCHEME + ":" + remote.service() + "/"
                + URLEncoder.encode(remote.remoteId(), StandardCharsets.UTF_8));
    }
}
