package org.segue.plugin.connector.jamendo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemoteTrack;
import org.segue.support.licence.CcLicences;

class JamendoConnectorTest {
    private final JamendoFake jamendo;
    private final List<Duration> sleeps = new ArrayList<>();

    JamendoConnectorTest() throws IOException {
        jamendo = new JamendoFake();
    }

    @AfterEach
    void stop() {
        jamendo.close();
    }

    private JamendoConnector connector(String clientId, int pageSize) {
        return new JamendoConnector(new JamendoClient(jamendo.api, clientId, Duration.ofSeconds(5), sleeps::add),
                "djtester", pageSize);
    }

    @Test
    void searchPagesAndKeepsEachTracksLicenceAndPermission() throws IOException {
        JamendoConnector connector = connector(JamendoFake.CLIENT_ID, 2);
        List<RemoteTrack> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<RemoteTrack> page = connector.search("night", cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        Map<String, RemoteTrack> byTitle = all.stream().collect(Collectors.toMap(RemoteTrack::title, t -> t));
        assertEquals(List.of("Night Drive", "Night Swim", "Night Bus", "Night Shift"),
                all.stream().map(RemoteTrack::title).toList());
        assertEquals("CC BY 4.0", byTitle.get("Night Drive").licence());
        assertEquals(AudioRights.MIXABLE, byTitle.get("Night Drive").rights());
        assertEquals("CC BY-NC-SA 3.0", byTitle.get("Night Swim").licence());
        assertEquals(AudioRights.MIXABLE, byTitle.get("Night Swim").rights(), "non-commercial mixes are allowed");
        assertEquals(AudioRights.STREAM_ONLY, byTitle.get("Night Bus").rights(), "ND: no shared adaptations");
        assertEquals(AudioRights.STREAM_ONLY, byTitle.get("Night Shift").rights(), "the artist allows no download");
        assertEquals(214, byTitle.get("Night Drive").durationSeconds());
        assertEquals("Lumen Field", byTitle.get("Night Drive").artist());
    }

    @Test
    void playlistsAndTheirTracksInOrder() throws IOException {
        JamendoConnector connector = connector(JamendoFake.CLIENT_ID, 50);
        var lists = connector.playlists(null).items();
        assertEquals(1, lists.size());
        assertEquals("Late set", lists.get(0).name());
        assertEquals(List.of("Night Bus", "Night Drive", "Morning Light"),
                connector.playlistTracks(lists.get(0).remoteId(), null).items().stream().map(RemoteTrack::title).toList());
        RemoteTrack cc0 = connector.playlistTracks("500608", null).items().get(2);
        assertEquals("CC0 1.0", cc0.licence());
        assertEquals(AudioRights.MIXABLE, cc0.rights());
    }

    @Test
    void downloadsOnlyWhatMayBeMixedCheckingWithJamendoAgain() throws IOException {
        JamendoConnector connector = connector(JamendoFake.CLIENT_ID, 50);
        RemoteTrack drive = connector.search("Night Drive", null).items().get(0);
        try (InputStream in = connector.openAudio(drive)) {
            assertEquals("ID3 fake mp3 of track 1886257", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // A caller claiming rights it does not have gets nothing.
        RemoteTrack bus = connector.search("Night Bus", null).items().get(0);
        RemoteTrack forged = new RemoteTrack("jamendo", bus.remoteId(), bus.title(), null, null, 0, null, null, null,
                AudioRights.MIXABLE);
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> connector.openAudio(forged));
        assertTrue(e.getMessage().contains("CC BY-ND 4.0 forbids sharing adaptations"), e.getMessage());
        RemoteTrack shift = connector.search("Night Shift", null).items().get(0);
        e = assertThrows(AccessDeniedException.class, () -> connector.openAudio(shift));
        assertTrue(e.getMessage().contains("does not allow downloads"), e.getMessage());
    }

    @Test
    void waitsOutRateLimitsOfBothKinds() throws IOException {
        JamendoConnector connector = connector(JamendoFake.CLIENT_ID, 50);
        jamendo.http429.set(1);
        jamendo.code6.set(1);
        assertEquals(5, connector.search("", null).items().size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps,
                "Retry-After first, then a doubled pause for Jamendo's code 6");
        jamendo.code6.set(100);
        IOException e = assertThrows(IOException.class, () -> connector.search("x", null));
        assertTrue(e.getMessage().contains("rate limit is exceeded"), e.getMessage());
    }

    @Test
    void aWrongClientIdSaysWhatToDoWithoutShowingIt() {
        IOException e = assertThrows(IOException.class, () -> connector("not-my-id", 50).search("night", null));
        assertTrue(e.getMessage().contains("refused the client id") && e.getMessage().contains("devportal"),
                e.getMessage());
        assertFalse(e.getMessage().contains("not-my-id"));
    }

    @Test
    void licencesFromTheirDeeds() {
        assertEquals("CC BY-SA 4.0", CcLicences.name("https://creativecommons.org/licenses/by-sa/4.0/"));
        assertEquals("CC0 1.0", CcLicences.name("http://creativecommons.org/publicdomain/zero/1.0/"));
        assertNull(CcLicences.name(""));
        assertTrue(CcLicences.allowsMixing("http://creativecommons.org/licenses/by-nc/3.0/"));
        assertFalse(CcLicences.allowsMixing("http://creativecommons.org/licenses/by-nc-nd/3.0/"));
        assertFalse(CcLicences.allowsMixing("https://example.org/all-rights-reserved"));
    }
}
