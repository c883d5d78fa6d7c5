package org.segue.plugin.connector.spotify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;

class SpotifyConnectorTest {
    @TempDir
    Path userConf;
    final SpotifyFake spotify;
    final MutableClock clock = new MutableClock();
    final List<Duration> sleeps = new ArrayList<>();
    final int port;

    SpotifyConnectorTest() throws IOException {
        spotify = new SpotifyFake();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        spotify.redirectUri = "http://127.0.0.1:" + port + "/callback";
    }

    @AfterEach
    void stop() {
        spotify.close();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-26T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    SpotifyAuth auth() {
        return new SpotifyAuth(spotify.clientId, spotify.base, URI.create(spotify.redirectUri),
                "playlist-read-private playlist-read-collaborative", "default",
                new TokenStore(SpotifyConnector.tokenFile(userConf.resolve("conf"), "default")), clock, Duration.ofSeconds(5));
    }

    SpotifyConnector connector(SpotifyAuth auth, int pageSize) {
        return new SpotifyConnector(auth, new SpotifyClient(spotify.base, auth, Duration.ofSeconds(5), sleeps::add), pageSize);
    }

    /** What the user's browser does: open the consent address, follow Spotify's redirect to the listener. */
    static HttpResponse<String> browse(URI uri) throws IOException, InterruptedException {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    SpotifyAuth loggedIn() throws Exception {
        SpotifyAuth auth = auth();
        try (SpotifyLogin login = new SpotifyLogin(auth)) {
            assertTrue(login.canListen());
            login.listen();
            HttpResponse<String> page = browse(login.authorizeUri());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("You can close this tab"), page.body());
            login.finish(login.awaitCode(Duration.ofSeconds(5)));
        }
        return auth;
    }

    @Test
    void pkceChallengeIsTheRfc7636S256() {
        // The example of RFC 7636, appendix B.
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        String v = Pkce.verifier();
        assertTrue(v.matches("[A-Za-z0-9_-]{86}"), v);
        assertNotEquals(v, Pkce.verifier());
        assertThrows(IllegalArgumentException.class, () -> Pkce.challenge("too-short"));
    }

    @Test
    void loginThroughTheBrowserKeepsOwnerOnlyTokens() throws Exception {
        SpotifyAuth auth = loggedIn();
        Path file = auth.store().file();
        assertEquals(userConf.resolve("conf/spotify/default.tokens.json"), file);
        String saved = Files.readString(file);
        assertTrue(saved.contains("\"refresh_token\" : \"AQ-refresh-2\""), saved);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
        }
        assertTrue(spotify.tokenForms.get(0).contains("grant_type=authorization_code")
                && spotify.tokenForms.get(0).contains("code_verifier="), spotify.tokenForms.toString());
        assertEquals(3, connector(auth, 10).search("night", null).items().size(), "logged in: search works");
    }

    @Test
    void aRefusalOrAForeignAnswerSavesNothing() throws Exception {
        spotify.userRefuses = true;
        SpotifyAuth auth = auth();
        try (SpotifyLogin login = new SpotifyLogin(auth)) {
            login.listen();
            assertEquals(400, browse(login.authorizeUri()).statusCode());
            IOException e = assertThrows(IOException.class, () -> login.awaitCode(Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("did not give access: access_denied"), e.getMessage());
            IOException forged = assertThrows(IOException.class,
                    () -> login.codeFrom("http://127.0.0.1:" + port + "/callback?code=AQ-stolen&state=someone-elses"));
            assertTrue(forged.getMessage().contains("state differs"), forged.getMessage());
        }
        assertFalse(Files.exists(auth.store().file()));
        IOException notConnected = assertThrows(IOException.class, () -> connector(auth(), 10).search("night", null));
        assertTrue(notConnected.getMessage().contains("not connected") && notConnected.getMessage().contains("segue spotify-login"),
                notConnected.getMessage());
    }

    @Test
    void searchFollowsNextUrlsAndIsMetadataOnly() throws Exception {
        SpotifyConnector connector = connector(loggedIn(), 2);
        List<RemoteTrack> found = new ArrayList<>();
        Page<RemoteTrack> page = connector.search("night", null);
        found.addAll(page.items());
        assertTrue(page.nextCursor().startsWith(spotify.base + "v1/search?"), page.nextCursor());
        page = connector.search("night", page.nextCursor());
        found.addAll(page.items());
        assertFalse(page.hasNext());
        assertEquals(List.of("Night Drive", "Night Drive (Club Mix)", "Night Bus"), found.stream().map(RemoteTrack::title).toList());
        RemoteTrack drive = found.get(0);
        assertEquals("4uLU6hMCjMI75M1A2tKUQC", drive.remoteId());
        assertEquals("QZABC2100001", drive.isrc(), "ISRCs are upper case");
        assertEquals(214.35, drive.durationSeconds(), 1e-9);
        assertEquals("Afterglow", drive.album());
        assertEquals("Lumen Field, Kestrel", found.get(1).artist());
        assertTrue(found.stream().allMatch(t -> t.rights() == AudioRights.NONE));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> connector.openAudio(drive));
        assertTrue(e.getMessage().contains("forbids mixing"), e.getMessage());
        // More than ten a page is refused to development-mode apps since February 2026.
        IOException tooMany = assertThrows(IOException.class, () -> connector(connector.auth(), 20).search("night", null));
        assertTrue(tooMany.getMessage().contains("HTTP 400 (Invalid limit)"), tooMany.getMessage());
    }

    @Test
    void playlistsAndTheirItemsSkippingWhatIsNotATrack() throws Exception {
        SpotifyConnector connector = connector(loggedIn(), 2);
        List<RemotePlaylist> lists = new ArrayList<>();
        String cursor = null;
        do {
            Page<RemotePlaylist> page = connector.playlists(cursor);
            lists.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of("Late set", "Warm-up", "Borrowed"), lists.stream().map(RemotePlaylist::name).toList());
        assertEquals(List.of(6, 1, 0), lists.stream().map(RemotePlaylist::trackCount).toList());
        List<RemoteTrack> tracks = new ArrayList<>();
        cursor = null;
        do {
            Page<RemoteTrack> page = connector.playlistTracks("37i9dQZF1DXcBWIGoYBM5M", cursor);
            tracks.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of("Night Bus", "Night Drive", "Dubplate 7", "Morning Light"),
                tracks.stream().map(RemoteTrack::title).toList(), "the episode and the vanished entry are left out");
        assertEquals("spotify:local:Kestrel:Dubplates:Dubplate+7:301", tracks.get(2).remoteId(), "a local file, kept for matching");
        IOException missing = assertThrows(IOException.class, () -> connector.playlistTracks("0000000000000000000000", null));
        assertTrue(missing.getMessage().contains("has no playlist"), missing.getMessage());
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRetried() throws Exception {
        SpotifyConnector connector = connector(loggedIn(), 10);
        spotify.expireAccessTokens();
        assertEquals(3, connector.search("night", null).items().size());
        assertEquals(1, spotify.refreshes.get());
        String saved = Files.readString(connector.auth().store().file());
        assertTrue(saved.contains("AQ-refresh-3"), "the rotated refresh token is kept: " + saved);
        assertFalse(spotify.isLiveRefresh("AQ-refresh-2"));
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeUse() throws Exception {
        SpotifyConnector connector = connector(loggedIn(), 10);
        int before = spotify.apiRequests.get();
        clock.now = clock.now.plusSeconds(3600 - 30);
        connector.search("night", null);
        assertEquals(1, spotify.refreshes.get());
        assertEquals(before + 1, spotify.apiRequests.get(), "no request was made with the old token");
    }

    @Test
    void aRevokedAuthorisationTellsTheUserToReconnectWithoutShowingTokens() throws Exception {
        SpotifyConnector connector = connector(loggedIn(), 10);
        spotify.revokeAll();
        IOException e = assertThrows(IOException.class, () -> connector.search("night", null));
        assertTrue(e.getMessage().contains("no longer accepts") && e.getMessage().contains("segue spotify-login --name default"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Refresh token revoked"), e.getMessage());
        assertFalse(e.getMessage().contains("AQ-") || e.getMessage().contains("BQ-"), e.getMessage());
        assertFalse(Files.exists(connector.auth().store().file()), "useless tokens are deleted");
        IOException again = assertThrows(IOException.class, () -> connector.search("night", null));
        assertTrue(again.getMessage().contains("not connected"), again.getMessage());
    }

    @Test
    void rateLimitsAreWaitedOutUnlessSpotifyAsksForTooLong() throws Exception {
        SpotifyConnector connector = connector(loggedIn(), 10);
        spotify.http429.set(2);
        assertEquals(3, connector.search("night", null).items().size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeps);
        spotify.retryAfter = "3600";
        spotify.http429.set(1);
        IOException e = assertThrows(IOException.class, () -> connector.search("night", null));
        assertTrue(e.getMessage().contains("wait 3600 s"), e.getMessage());
        assertEquals(2, sleeps.size(), "did not sleep for an hour");
    }

    @Test
    void aCursorCannotSendTheTokenElsewhere() throws Exception {
        SpotifyConnector connector = connector(loggedIn(), 10);
        int before = spotify.apiRequests.get();
        assertThrows(IllegalArgumentException.class,
                () -> connector.search("night", "https://collector.example/v1/search?q=night&offset=10"));
        assertThrows(IllegalArgumentException.class, () -> connector.playlists("not a url at all"));
        assertEquals(before, spotify.apiRequests.get());
    }

    @Test
    void theAccountIsNamedAfterTheFileSegueConnectWrote() {
        assertEquals("work", SpotifyConnector.account("", "file:/home/u/.config/segue/org.segue.connector.spotify-work.cfg"));
        assertEquals("default", SpotifyConnector.account(null, null));
        assertEquals("club", SpotifyConnector.account("club", "file:/x/org.segue.connector.spotify-work.cfg"));
        assertThrows(IllegalArgumentException.class, () -> SpotifyConnector.account("../evil", null));
    }
}
