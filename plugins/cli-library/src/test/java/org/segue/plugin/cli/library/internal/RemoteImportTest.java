package org.segue.plugin.cli.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.command.Command;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.ConnectorCapability;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;
import org.segue.api.connector.StreamingConnector;
import org.segue.api.library.Track;
import org.segue.api.testkit.CapturedCommandContext;

/** {@code segue import --from <service>} over a connector plugin, as the command sees one. */
class RemoteImportTest {
    @TempDir
    Path folder;

    private final MemoryLibrary library = new MemoryLibrary();
    private final ImportCommandTest.FakeAnalysis analysis = new ImportCommandTest.FakeAnalysis();
    private final ImportCommand command = new ImportCommand();
    private final ListedConnector connector = new ListedConnector();
    private CapturedCommandContext current;

    @BeforeEach
    void wire() {
        command.library = library;
        command.analysis = analysis;
        command.opener = new AudioOpener() {
            @Override
            public PcmSource open(Path file) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TrackTags tags(Path file) {
                return TrackTags.empty();
            }
        };
        command.downloads = folder.resolve("downloads");
        command.bindConnector(connector, Map.of(StreamingConnector.SERVICE, "testservice"));
        connector.tracks.add(track("1", "Free Song", AudioRights.MIXABLE, "CC BY 4.0"));
        connector.tracks.add(track("2", "Label Song", AudioRights.NONE, null));
        connector.tracks.add(track("3", "Another Free Song", AudioRights.MIXABLE, "CC0"));
    }

    private static RemoteTrack track(String id, String title, AudioRights rights, String licence) {
        return new RemoteTrack("testservice", id, title, "Artist " + id, "Album", 180, null, null, licence, rights);
    }

    @Test
    void mixableTracksAreDownloadedAndAnalysedOthersKeptAsMetadataOnly() throws Exception {
        assertEquals(Command.OK, run("--from", "testservice", "--playlist", "Friday"));
        assertTrue(current.printed().startsWith("3 added, 0 updated, 0 unchanged, 0 failed\n"), current.printed());
        assertTrue(current.printed().contains("1 of them metadata only"), current.printed());
        assertEquals(2, analysis.calls.get(), "only the mixable tracks are analysed");

        Track free = library.track(RemoteImport.id(connector.tracks.get(0))).orElseThrow();
        assertEquals("testservice", free.source().service());
        assertEquals("1", free.source().remoteId());
        assertEquals("CC BY 4.0", free.source().licence());
        assertTrue(free.source().mixable());
        assertEquals("file", free.location().getScheme());
        assertEquals("audio of 1", Files.readString(Path.of(free.location()), StandardCharsets.UTF_8));
        assertEquals("Free Song", free.tags().title(), "the service's title where the file has none");
        assertEquals("CC BY 4.0", free.tags().other().get("license"), "kept for the mix's credits");
        assertEquals("testservice:1", free.tags().other().get("source"));
        assertTrue(library.analysis(free.id()).isPresent());

        Track locked = library.track(RemoteImport.id(connector.tracks.get(1))).orElseThrow();
        assertFalse(locked.source().mixable());
        assertEquals(RemoteImport.REMOTE_SCHEME, locked.location().getScheme(), "no file any decoder would open");
        assertFalse(library.analysis(locked.id()).isPresent());
        assertEquals(Set.of("1", "3"), Set.copyOf(connector.opened), "never asked for audio it may not mix");
        try (var files = Files.list(command.downloads.resolve("testservice"))) {
            assertEquals(2, files.filter(p -> !p.getFileName().toString().startsWith(".")).count(),
                    "no temporary files left");
        }

        assertEquals(Command.OK, run("--from", "testservice", "--playlist", "Friday"));
        assertTrue(current.printed().startsWith("0 added, 0 updated, 3 unchanged, 0 failed\n"), current.printed());
        assertEquals(2, analysis.calls.get(), "an import again downloads and analyses nothing");
    }

    @Test
    void aFailedDownloadIsReportedAndTheRestImported() throws Exception {
        connector.failing = "1";
        assertEquals(Command.FAILURE, run("--from", "testservice", "Song"));
        assertTrue(current.printed().startsWith("2 added, 0 updated, 0 unchanged, 1 failed\n"), current.printed());
        assertTrue(current.errors().contains("testservice track 1 (Free Song): connection reset"), current.errors());
        assertFalse(library.track(RemoteImport.id(connector.tracks.get(0))).isPresent());
    }

    @Test
    void namesTheMissingServiceAndWhatIsConfigured() throws Exception {
        assertEquals(Command.FAILURE, run("--from", "jamendo", "ambient"));
        assertTrue(current.errors().contains("no jamendo connector is configured (configured: testservice)"),
                current.errors());
        assertEquals(Command.FAILURE, run("--from", "testservice", "--playlist", "Nope"));
        assertTrue(current.errors().contains("no playlist named 'Nope'"), current.errors());
        assertEquals(Command.USAGE, run("--from", "testservice"));
    }

    private int run(String... args) throws Exception {
        current = new CapturedCommandContext(folder, args);
        analysis.context = current;
        return command.run(current);
    }

    /** A service with one playlist, "Friday", of all its tracks, searched by title. */
    static final class ListedConnector implements StreamingConnector {
        final List<RemoteTrack> tracks = new ArrayList<>();
        final List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile String failing;

        @Override
        public Set<ConnectorCapability> capabilities() {
            return Set.of(ConnectorCapability.SEARCH, ConnectorCapability.PLAYLISTS, ConnectorCapability.AUDIO);
        }

        @Override
        public Page<RemoteTrack> search(String query, String cursor) {
            return new Page<>(tracks.stream().filter(t -> t.title().contains(query)).toList(), null);
        }

        @Override
        public Page<RemotePlaylist> playlists(String cursor) {
            return new Page<>(List.of(new RemotePlaylist("testservice", "p1", "Friday", tracks.size())), null);
        }

        @Override
        public Page<RemoteTrack> playlistTracks(String playlistId, String cursor) {
            return new Page<>(tracks, null);
        }

        @Override
        public InputStream openAudio(RemoteTrack track) throws IOException {
            opened.add(track.remoteId());
            if (track.rights() != AudioRights.MIXABLE) {
                throw new AccessDeniedException(track.remoteId());
            }
            if (track.remoteId().equals(failing)) {
                throw new IOException("connection reset");
            }
            return new ByteArrayInputStream(("audio of " + track.remoteId()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
