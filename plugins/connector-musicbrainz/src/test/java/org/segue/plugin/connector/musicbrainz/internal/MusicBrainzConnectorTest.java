package org.segue.plugin.connector.musicbrainz.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.ConnectorCapability;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;

class MusicBrainzConnectorTest {
    private static final String AGENT = MusicBrainzConnector.userAgent("0.1.0", "dj@example.org");
    private final MusicBrainzFake mb;
    private final List<Duration> sleeps = new ArrayList<>();

    MusicBrainzConnectorTest() throws IOException {
        mb = new MusicBrainzFake();
    }

    @AfterEach
    void stop() {
        mb.close();
    }

    /** A pacer on the fake's clock: sleeping advances the clock instead of waiting. */
    private RequestPacer pacer(Duration interval) {
        return new RequestPacer(interval, mb.clock::get, d -> {
            sleeps.add(d);
            mb.clock.addAndGet(d.toNanos());
        });
    }

    private MusicBrainzConnector connector(String agent, Duration interval, int pageSize) {
        return new MusicBrainzConnector(new MusicBrainzClient(mb.api, agent, Duration.ofSeconds(5), pacer(interval)),
                "djtester", pageSize);
    }

    @Test
    void searchPagesThroughRecordingsWithTheirIds() throws IOException {
        MusicBrainzConnector connector = connector(AGENT, Duration.ofSeconds(1), 2);
        List<RemoteTrack> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<RemoteTrack> page = connector.search("night", cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(2, pages, "3 of 4 matches on page one and two, then no cursor");
        assertEquals(List.of("Night Drive", "Night Drive (Club Mix)", "Night Bus", "Night Shift"),
                all.stream().map(RemoteTrack::title).toList());
        Map<String, RemoteTrack> byTitle = all.stream().collect(Collectors.toMap(RemoteTrack::title, t -> t));
        RemoteTrack drive = byTitle.get("Night Drive");
        assertEquals("0b7e6a2e-1c1a-4f35-9d1e-5a1f2a000001", drive.remoteId());
        assertEquals(drive.remoteId(), drive.musicBrainzId());
        assertEquals("QZABC2100001", drive.isrc());
        assertEquals("Afterglow", drive.album());
        assertEquals(214.0, drive.durationSeconds(), 1e-9);
        assertEquals(AudioRights.NONE, drive.rights(), "MusicBrainz has no audio");
        RemoteTrack club = byTitle.get("Night Drive (Club Mix)");
        assertEquals("Lumen Field feat. Kes", club.artist(), "the credit as printed, with its join phrase");
        assertEquals("QZABC2100002", club.isrc(), "the first of several ISRCs");
        assertEquals(388.5, club.durationSeconds(), 1e-9);
        RemoteTrack shift = byTitle.get("Night Shift");
        assertEquals(0, shift.durationSeconds(), "no length: unknown");
        assertNull(shift.isrc());
        assertNull(shift.album());
    }

    @Test
    void recordingCollectionsAreThePlaylists() throws IOException {
        MusicBrainzConnector connector = connector(AGENT, Duration.ofSeconds(1), 25);
        assertEquals(Set.of(ConnectorCapability.SEARCH, ConnectorCapability.PLAYLISTS), connector.capabilities());
        List<RemotePlaylist> lists = connector.playlists(null).items();
        assertEquals(1, lists.size(), "the release collection is not a track list");
        assertEquals("Warm-up", lists.get(0).name());
        assertEquals(3, lists.get(0).trackCount());
        List<RemoteTrack> tracks = connector.playlistTracks(lists.get(0).remoteId(), null).items();
        assertEquals(List.of("Morning Light", "Night Drive", "Night Bus"), tracks.stream().map(RemoteTrack::title).toList());
        assertEquals("QZABC2000005", tracks.get(0).isrc(), "browse asks for ISRCs with inc=isrcs");
        assertTrue(mb.requests.get(mb.requests.size() - 1).contains("inc=artist-credits isrcs"), mb.requests.toString());
        IOException missing = assertThrows(IOException.class,
                () -> connector.playlistTracks("c0000000-0000-4000-8000-00000000dead", null));
        assertTrue(missing.getMessage().contains("HTTP 404: Not Found"), missing.getMessage());
    }

    @Test
    void requestsAreSpacedOneSecondApartSoMusicBrainzNeverRefusesThem() throws IOException {
        MusicBrainzConnector connector = connector(AGENT, Duration.ofSeconds(1), 1);
        String cursor = null;
        int pages = 0;
        do {
            cursor = connector.search("night", cursor).nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(4, pages);
        assertEquals(0, mb.refusedTooFast.get(), "the fake refuses anything under a second apart");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeps,
                "the first request goes at once, each later one a second after the one before");
        assertTrue(mb.userAgents.stream().allMatch("Segue/0.1.0 ( dj@example.org )"::equals), mb.userAgents.toString());
    }

    @Test
    void aClientWithoutPacingIsRefusedWith503AndBacksOff() throws IOException {
        // No pacing at all: the fake answers the second request 503, the client waits and retries.
        MusicBrainzConnector connector = connector(AGENT, Duration.ZERO, 25);
        connector.search("night", null);
        assertEquals(1, connector.search("morning", null).items().size());
        assertEquals(1, mb.refusedTooFast.get());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps, "the refused request waited a second and was accepted");
    }

    @Test
    void persistent503sEndInAClearError() {
        MusicBrainzConnector connector = connector(AGENT, Duration.ofSeconds(1), 25);
        mb.forced503.set(100);
        IOException e = assertThrows(IOException.class, () -> connector.search("night", null));
        assertTrue(e.getMessage().contains("one request per second"), e.getMessage());
        assertEquals(4, mb.requests.size(), "gives up after four attempts");
        assertEquals(0, mb.refusedTooFast.get(), "even while retrying it keeps to the pace");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps,
                "a doubling pause between attempts");
    }

    @Test
    void anAnonymousUserAgentIsRefused() {
        MusicBrainzConnector connector = connector("Java-http-client/17", Duration.ofSeconds(1), 25);
        IOException e = assertThrows(IOException.class, () -> connector.search("night", null));
        assertTrue(e.getMessage().contains("HTTP 403") && e.getMessage().contains("meaningful User-Agent"), e.getMessage());
    }

    @Test
    void concurrentCallersQueueForSlots() throws IOException {
        List<Duration> waits = new ArrayList<>();
        long[] now = {0};
        RequestPacer pacer = new RequestPacer(Duration.ofSeconds(1), () -> now[0], waits::add);
        pacer.acquire();
        pacer.acquire();
        pacer.acquire();
        now[0] = Duration.ofMillis(2500).toNanos();
        pacer.acquire();
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(500)), waits,
                "callers that arrive together take successive slots; a late one waits only for its slot");
    }

    @Test
    void theUserAgentHasTheFormMusicBrainzAsksFor() {
        assertEquals("Segue/1.2.0 ( contact not configured )", MusicBrainzConnector.userAgent("1.2.0", ""));
        assertEquals("Segue/1.2.0 ( me@example.org )", MusicBrainzConnector.userAgent("1.2.0", " me@example.org\n"));
        assertTrue(MusicBrainzConnector.isOfficial(URI.create("https://musicbrainz.org/ws/2/")));
        assertTrue(MusicBrainzConnector.isOfficial(URI.create("https://beta.musicbrainz.org/ws/2/")));
        assertTrue(!MusicBrainzConnector.isOfficial(URI.create("http://127.0.0.1:5000/ws/2/")));
    }
}
