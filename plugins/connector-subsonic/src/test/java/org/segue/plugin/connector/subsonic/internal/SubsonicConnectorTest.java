package org.segue.plugin.connector.subsonic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;

/** The connector against a real Subsonic API server (supysonic) on loopback. */
class SubsonicConnectorTest {
    @TempDir
    static Path folder;
    static SupysonicServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SupysonicServer.start(folder, List.of(
                new String[] {"Deep Tone", "Synth Duo", "110", "2", "mp3"},
                new String[] {"Mid Tone", "Synth Duo", "440", "2", "flac"},
                new String[] {"High Tone", "Synth Duo", "880", "3", "ogg"},
                new String[] {"Tone Poem", "Other Artist", "220", "2", "flac"},
                new String[] {"Quiet Piece", "Other Artist", "330", "1", "mp3"}));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static SubsonicConnector connector(String password, int pageSize) {
        return new SubsonicConnector(new SubsonicClient(server.url, server.username, password, Duration.ofSeconds(10)),
                pageSize);
    }

    @Test
    void searchPagesThroughEveryMatchOnceWithTheServersMetadata() throws IOException {
        SubsonicConnector connector = connector(server.password, 2);
        List<RemoteTrack> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<RemoteTrack> page = connector.search("Tone", cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        Set<String> titles = new HashSet<>();
        for (RemoteTrack t : all) {
            titles.add(t.title());
            assertEquals("subsonic", t.service());
            assertEquals(AudioRights.MIXABLE, t.rights(), "the user's own files, with the download role");
            assertNull(t.licence());
        }
        assertEquals(Set.of("Deep Tone", "Mid Tone", "High Tone", "Tone Poem"), titles);
        assertEquals(4, all.size(), "no track twice across pages");
        assertTrue(pages >= 2, "two per page must take several pages: " + pages);
        RemoteTrack high = all.stream().filter(t -> t.title().equals("High Tone")).findFirst().orElseThrow();
        assertEquals("Synth Duo", high.artist());
        assertEquals("Test Album", high.album());
        assertEquals(3.0, high.durationSeconds(), 0.6);
    }

    @Test
    void playlistsListTheirTracksInPlaylistOrder() throws Exception {
        SubsonicConnector connector = connector(server.password, 50);
        List<RemoteTrack> tracks = connector.search("Tone", null).items();
        String high = id(tracks, "High Tone");
        String deep = id(tracks, "Deep Tone");
        server.createPlaylist("Warm-up set", List.of(high, deep));
        RemotePlaylist list = connector.playlists(null).items().stream()
                .filter(p -> p.name().equals("Warm-up set")).findFirst().orElseThrow();
        assertEquals(2, list.trackCount());
        List<RemoteTrack> inList = connector.playlistTracks(list.remoteId(), null).items();
        assertEquals(List.of(high, deep), inList.stream().map(RemoteTrack::remoteId).toList());
    }

    @Test
    void audioIsTheOriginalFileByteForByte() throws IOException {
        SubsonicConnector connector = connector(server.password, 50);
        RemoteTrack mid = connector.search("Mid Tone", null).items().get(0);
        byte[] downloaded;
        try (InputStream in = connector.openAudio(mid)) {
            downloaded = in.readAllBytes();
        }
        Path original;
        try (var files = Files.walk(server.music)) {
            original = files.filter(p -> p.getFileName().toString().startsWith("Mid_Tone")).findFirst().orElseThrow();
        }
        assertArrayEquals(Files.readAllBytes(original), downloaded);
    }

    @Test
    void aTrackTheServerDoesNotHaveIsAnErrorNamingIt() {
        SubsonicConnector connector = connector(server.password, 50);
        RemoteTrack forged = new RemoteTrack("subsonic", "00000000-0000-0000-0000-000000000000", "Forged", null, null,
                0, null, null, null, AudioRights.MIXABLE);
        IOException e = assertThrows(IOException.class, () -> connector.openAudio(forged).close());
        assertTrue(e.getMessage().contains("00000000-0000-0000-0000-000000000000"), e.getMessage());
    }

    @Test
    void wrongPasswordSaysSoWithoutShowingIt() {
        SubsonicConnector connector = connector("not-the-password", 50);
        IOException e = assertThrows(IOException.class, () -> connector.search("Tone", null));
        assertTrue(e.getMessage().contains("refused the credentials of user 'alice'"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
        assertFalse(e.getMessage().contains(java.util.HexFormat.of().formatHex("not-the-password".getBytes())),
                "not even hex-encoded: " + e.getMessage());
    }

    @Test
    void learnsThatThisServerNeedsPasswordAuthentication() throws IOException {
        SubsonicClient client = new SubsonicClient(server.url, server.username, server.password, Duration.ofSeconds(10));
        client.call("ping", java.util.Map.of());
        assertEquals("1.10.2", client.protocolVersion().orElseThrow(),
                "supysonic speaks 1.10.2, older than token authentication (1.13)");
    }

    private static String id(List<RemoteTrack> tracks, String title) {
        return tracks.stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow().remoteId();
    }
}
