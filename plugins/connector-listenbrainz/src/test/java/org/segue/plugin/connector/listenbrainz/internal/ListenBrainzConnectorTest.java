package org.segue.plugin.connector.listenbrainz.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.ConnectorCapability;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;

class ListenBrainzConnectorTest {
    private final ListenBrainzFake lb;
    private final List<Duration> sleeps = new ArrayList<>();

    ListenBrainzConnectorTest() throws IOException {
        lb = new ListenBrainzFake();
    }

    @AfterEach
    void stop() {
        lb.close();
    }

    private ListenBrainzConnector connector(String token, String user, int pageSize) {
        ListenBrainzClient client = new ListenBrainzClient(lb.api, token, Duration.ofSeconds(5), d -> {
            sleeps.add(d);
            lb.clock.addAndGet(d.toNanos());
        }, lb.clock::get);
        return new ListenBrainzConnector(client, user, pageSize, "easy");
    }

    private static <T> List<T> all(PageSource<T> source) throws IOException {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = source.page(cursor);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return items;
    }

    private interface PageSource<T> {
        Page<T> page(String cursor) throws IOException;
    }

    @Test
    void playlistsAreTheFeedsThenCreatedForThenOwnPrivateOnlyWithTheToken() throws IOException {
        ListenBrainzConnector connector = connector(lb.token, "djtester", 1);
        assertTrue(connector.capabilities().contains(ConnectorCapability.RECOMMENDATIONS));
        assertEquals(List.of("Recommended recordings (collaborative filtering)", "Recent listens",
                "Weekly Exploration for djtester, week of 2026-11-23 Mon", "Sunday warm-up", "Secret stash"),
                all(connector::playlists).stream().map(RemotePlaylist::name).toList());
        ListenBrainzConnector anonymous = connector(null, "djtester", 25);
        assertEquals(List.of("recommendations", "listens", "e1000000-0000-4000-8000-000000000001",
                "e1000000-0000-4000-8000-000000000002"),
                all(anonymous::playlists).stream().map(RemotePlaylist::remoteId).toList());
    }

    @Test
    void listensPageBackwardsInTimeWithTheirIds() throws IOException {
        ListenBrainzConnector connector = connector(lb.token, "djtester", 2);
        List<RemoteTrack> listens = all(c -> connector.playlistTracks("listens", c));
        assertEquals(List.of("Night Drive", "Night Bus", "Untitled Jam", "Morning Light", "Night Swim"),
                listens.stream().map(RemoteTrack::title).toList());
        assertTrue(lb.requests.stream().anyMatch(r -> r.contains("max_ts=1764139700")), lb.requests.toString());
        RemoteTrack drive = listens.get(0);
        assertEquals("0b7e6a2e-1c1a-4f35-9d1e-5a1f2a000001", drive.musicBrainzId());
        assertEquals("QZABC2100001", drive.isrc());
        assertEquals(214.0, drive.durationSeconds(), 1e-9);
        assertEquals(199.0, listens.get(1).durationSeconds(), 1e-9, "duration in seconds when duration_ms is absent");
        RemoteTrack unmatched = listens.get(2);
        assertNull(unmatched.musicBrainzId(), "not mapped to MusicBrainz");
        assertEquals("9f0e0000-0000-4000-8000-0000000000a3", unmatched.remoteId(), "the listen's MessyBrainz id");
        assertTrue(listens.stream().allMatch(t -> t.rights() == AudioRights.NONE));
    }

    @Test
    void recommendationsComeWithTheirMetadata() throws IOException {
        ListenBrainzConnector connector = connector(lb.token, "djtester", 2);
        Page<RemoteTrack> first = connector.playlistTracks("recommendations", null);
        assertEquals("2", first.nextCursor());
        List<RemoteTrack> recs = new ArrayList<>(first.items());
        recs.addAll(connector.playlistTracks("recommendations", first.nextCursor()).items());
        assertEquals(List.of("Night Swim", "Tidal Lock", "Slow Burn"), recs.stream().map(RemoteTrack::title).toList());
        assertEquals(List.of("Lumen Field", "Orbiter", "Ember & Ash"), recs.stream().map(RemoteTrack::artist).toList());
        assertEquals(305.5, recs.get(2).durationSeconds(), 1e-9);
        assertEquals("Afterglow", recs.get(0).album());
        assertNull(recs.get(2).album());
        assertEquals(recs.get(1).remoteId(), recs.get(1).musicBrainzId());
        // A user ListenBrainz has computed nothing for gets 204: an empty list, not an error.
        Page<RemoteTrack> none = connector(lb.token, "newcomer", 2).playlistTracks("recommendations", null);
        assertTrue(none.items().isEmpty());
        assertFalse(none.hasNext());
    }

    @Test
    void jspfPlaylistsWithEitherIdentifierShape() throws IOException {
        ListenBrainzConnector connector = connector(null, "djtester", 25);
        List<RemoteTrack> weekly = connector.playlistTracks("e1000000-0000-4000-8000-000000000001", null).items();
        assertEquals(List.of("0b7e6a2e-1c1a-4f35-9d1e-5a1f2a000007", "0b7e6a2e-1c1a-4f35-9d1e-5a1f2a000008"),
                weekly.stream().map(RemoteTrack::musicBrainzId).toList());
        assertEquals("Ember & Ash", weekly.get(1).artist());
        IOException hidden = assertThrows(IOException.class,
                () -> connector.playlistTracks("e1000000-0000-4000-8000-000000000003", null));
        assertTrue(hidden.getMessage().contains("has no playlist e1000000-0000-4000-8000-000000000003"), hidden.getMessage());
        assertEquals(List.of("Night Bus"), connector(lb.token, "djtester", 25)
                .playlistTracks("e1000000-0000-4000-8000-000000000003", null).items().stream().map(RemoteTrack::title).toList());
        assertThrows(IOException.class, () -> connector.playlistTracks("not-an-id", null));
    }

    @Test
    void searchIsLbRadioAndNeedsTheToken() throws IOException {
        List<RemoteTrack> radio = connector(lb.token, "djtester", 25).search("Lumen Field", null).items();
        assertEquals(List.of("Night Drive", "Tidal Lock", "Morning Light"), radio.stream().map(RemoteTrack::title).toList());
        assertTrue(lb.requests.get(lb.requests.size() - 1).contains("prompt=artist:(Lumen Field)"), lb.requests.toString());
        IOException e = assertThrows(IOException.class, () -> connector(null, "djtester", 25).search("Lumen Field", null));
        assertTrue(e.getMessage().contains("segue connect listenbrainz"), e.getMessage());
    }

    @Test
    void theUserComesFromTheTokenAndAWrongTokenIsNeverShown() throws IOException {
        ListenBrainzConnector connector = connector(lb.token, "", 25);
        assertEquals("djtester", connector.user());
        assertEquals(5, connector.playlistTracks("listens", null).items().size());
        assertTrue(lb.authorizations.stream().allMatch(("Token " + lb.token)::equals));
        assertTrue(lb.requests.stream().noneMatch(r -> r.contains(lb.token)), "the token never goes into a URL");
        String wrong = "lb-wrong-token-55";
        IOException e = assertThrows(IOException.class, () -> connector(wrong, "djtester", 25).playlists(null));
        assertTrue(e.getMessage().contains("refused the user token") && e.getMessage().contains("listenbrainz.org/settings"),
                e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        IOException invalid = assertThrows(IOException.class, () -> connector(wrong, "", 25).user());
        assertFalse(invalid.getMessage().contains(wrong));
    }

    @Test
    void waitsForAnExhaustedRateLimitWindowInsteadOfDrawing429() throws IOException {
        ListenBrainzConnector connector = connector(lb.token, "djtester", 1);
        lb.window(2, 3);
        List<RemoteTrack> listens = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 4; i++) {
            Page<RemoteTrack> page = connector.playlistTracks("listens", cursor);
            listens.addAll(page.items());
            cursor = page.nextCursor();
        }
        assertEquals(4, listens.size());
        assertEquals(0, lb.tooManyRequests, "never asked while the window was used up");
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps, "waited once, for the window's reset");
    }

    @Test
    void a429IsWaitedOutAfterResetIn() throws IOException {
        lb.window(1, 4);
        // Another program used up the window: this client has not seen it and draws a 429.
        connector(lb.token, "djtester", 1).playlistTracks("listens", null);
        sleeps.clear();
        ListenBrainzConnector fresh = connector(lb.token, "djtester", 1);
        assertEquals(1, fresh.playlistTracks("listens", null).items().size());
        assertEquals(1, lb.tooManyRequests);
        assertEquals(List.of(Duration.ofSeconds(4)), sleeps);
    }
}
