package org.segue.plugin.server.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.MixDtos.TracklistEntry;
import org.segue.plugin.server.http.internal.music.TrackDtos.SourceDto;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.plugin.server.http.internal.share.ShareRoutes;
import org.segue.plugin.server.http.internal.share.ShareStore;
import org.segue.plugin.server.http.internal.share.SharedMixes;
import org.segue.plugin.server.http.internal.web.FakeRequest;
import org.segue.plugin.server.http.internal.web.Reply;

/**
 * Share links through the whole request pipeline, in memory: owners, visibility, privacy, the
 * public pages without a token, revocation, and the end of a share with its mix or its owner.
 */
class ShareApiTest {

    @TempDir
    Path data;

    /** Mixes as files in a temp folder: the share routes see only {@link SharedMixes}. */
    static final class FakeMixes implements SharedMixes {
        final Map<String, MixDto> mixes = new ConcurrentHashMap<>();
        final Map<String, PlanDto> plans = new ConcurrentHashMap<>();
        final Path folder;

        FakeMixes(Path folder) {
            this.folder = folder;
        }

        MixDto add(String owner, String id, byte[] audio, List<TrackDto> tracks) throws IOException {
            List<TracklistEntry> list = new ArrayList<>();
            for (int i = 0; i < tracks.size(); i++) {
                list.add(new TracklistEntry(i * 61.5, tracks.get(i).id(), tracks.get(i).title(), tracks.get(i).artist()));
            }
            MixDto mix = new MixDto(id, "p" + id, "2026-11-26T10:00:00Z", 123.4, -14, list, null);
            mixes.put(owner + "/" + id, mix);
            plans.put(owner + "/p" + id, new PlanDto("p" + id, "2026-11-26T10:00:00Z", "auto", "flat", tracks, List.of(), 123.4));
            Path dir = Files.createDirectories(folder.resolve(owner).resolve(id));
            Files.write(dir.resolve("audio"), audio);
            Files.writeString(dir.resolve("timeline"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            Files.writeString(dir.resolve("tracklist"), "{\"tracks\":[]}");
            return mix;
        }

        void delete(String owner, String id) {
            mixes.remove(owner + "/" + id);
        }

        @Override
        public MixDto mix(String owner, String mixId) {
            MixDto m = mixes.get(owner + "/" + mixId);
            if (m == null) {
                throw new NoSuchElementException("no mix " + mixId);
            }
            return m;
        }

        @Override
        public Path file(String owner, String mixId, String which) {
            mix(owner, mixId);
            return folder.resolve(owner).resolve(mixId).resolve(which);
        }

        @Override
        public PlanDto plan(String owner, String planId) {
            PlanDto p = plans.get(owner + "/" + planId);
            if (p == null) {
                throw new NoSuchElementException("no plan " + planId);
            }
            return p;
        }
    }

    private TestServers s;
    private FakeMixes mixes;
    private final List<String> shared = new ArrayList<>();
    private byte[] audio;

    @BeforeEach
    void start() throws IOException {
        mixes = new FakeMixes(data.resolve("mixes"));
        ShareStore store = new ShareStore(data.resolve("server").resolve(ShareStore.FILE), ServerCore.mapper(),
                Clock.systemUTC());
        Files.createDirectories(data.resolve("server"));
        s = new TestServers(data.resolve("server"), TestServers.settings(40, List.of()), store.forgetting(
                org.segue.plugin.server.http.internal.auth.AccountHooks.NONE), List.of((router, core) ->
                        new ShareRoutes(store, mixes, u -> core.users().find(u).isPresent(),
                                (owner, mix, token) -> shared.add(owner + " " + mix), (w, e) -> { throw new AssertionError(w, e); })
                                .register(router)));
        audio = new byte[50_000];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 31 + 7);
        }
    }

    private static TrackDto track(String id, String title, String artist, String licence) {
        return new TrackDto(id, title, artist, null, null, 60, 120.0, "8A", "A minor", 0.5, -14.0,
                new SourceDto("file", licence, true));
    }

    private static byte[] bytes(Reply r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.body().writeTo(out);
        return out.toByteArray();
    }

    private static String text(Reply r) throws IOException {
        return new String(bytes(r), StandardCharsets.UTF_8);
    }

    @Test
    void unlistedAndPublicLinksPlayWithoutSigningIn() throws Exception {
        String alice = s.user("alice");
        mixes.add("alice", "0000000000000001", audio, List.of(
                track("t1", "Night <script>alert(1)</script> Drive", "Ann & \"Co\"", "CC BY 4.0"),
                track("t2", "Sunrise", "Bo", "all rights reserved")));

        Reply created = s.send(new FakeRequest("POST", "/api/mixes/0000000000000001/shares").token(alice).json("{}"));
        assertEquals(201, created.status(), String.valueOf(created.json()));
        JsonNode share = s.json(created);
        String token = share.get("token").asText();
        assertEquals("unlisted", share.get("visibility").asText(), "the default of a new account");
        assertEquals("/s/" + token, share.get("url").asText());
        assertEquals("/s/" + token, created.headers().get("Location"));
        assertEquals(0, share.get("views").asInt());
        assertEquals(List.of("alice 0000000000000001"), shared, "the share was recorded for the badge");

        Reply page = s.send(FakeRequest.get("/s/" + token).from("192.0.2.1"));
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertEquals("noindex", page.headers().get("X-Robots-Tag"));
        String csp = page.headers().get("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'none'") && !csp.contains("script-src") && !csp.contains("unsafe"), csp);
        String html = text(page);
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex\">"), html);
        assertTrue(html.contains("<audio controls preload=\"metadata\" src=\"/s/" + token + "/audio\">"), html);
        assertTrue(html.contains("Night &lt;script&gt;alert(1)&lt;/script&gt; Drive"), html);
        assertFalse(html.contains("<script"), "no script, and user text cannot add one");
        assertTrue(html.contains("Ann &amp; &quot;Co&quot;"), html);
        assertTrue(html.contains("1:02"), "the second track's start time: " + html);
        assertTrue(html.contains("2:03"), "the duration");
        assertTrue(html.contains("licensed CC BY 4.0"), "CC credits");
        assertFalse(html.contains("all rights reserved"), "only CC tracks are credited");
        assertFalse(html.contains("alice"), "the page does not name the owner");
        assertTrue(html.contains("/s/" + token + "/timeline.svg"));

        Reply range = s.send(FakeRequest.get("/s/" + token + "/audio").header("Range", "bytes=1000-1999"));
        assertEquals(206, range.status());
        assertEquals("bytes 1000-1999/50000", range.headers().get("Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(audio, 1000, 2000), bytes(range));
        assertEquals(200, s.send(FakeRequest.get("/s/" + token + "/timeline.svg")).status());
        assertEquals(200, s.send(FakeRequest.get("/s/" + token + "/tracklist")).status());
        assertEquals(0, s.json(s.send(FakeRequest.get("/api/public/shares"))).get("total").asInt(), "unlisted is never listed");

        Reply pub = s.send(new FakeRequest("POST", "/api/mixes/0000000000000001/shares").token(alice)
                .json("{\"visibility\":\"public\"}"));
        assertEquals(201, pub.status());
        String publicToken = s.json(pub).get("token").asText();
        JsonNode list = s.json(s.send(FakeRequest.get("/api/public/shares?offset=0&limit=10")));
        assertEquals(1, list.get("total").asInt());
        assertEquals(publicToken, list.get("items").get(0).get("token").asText());
        assertFalse(list.toString().contains("alice"), list.toString());
        Reply publicPage = s.send(FakeRequest.get("/s/" + publicToken));
        assertEquals(null, publicPage.headers().get("X-Robots-Tag"));
        assertFalse(text(publicPage).contains("noindex"));
        String shared = text(s.send(FakeRequest.get("/shared")));
        assertTrue(shared.contains("/s/" + publicToken) && !shared.contains(token), shared);

        JsonNode mine = s.json(s.send(FakeRequest.get("/api/mixes/0000000000000001/shares").token(alice)));
        assertEquals(2, mine.size());
        assertEquals(1, s.json(s.send(FakeRequest.get("/api/shares").token(alice))).get(1).get("views").asInt(),
                "the unlisted page was viewed once");
        assertEquals(400, s.send(new FakeRequest("POST", "/api/mixes/0000000000000001/shares").token(alice)
                .json("{\"visibility\":\"friends\"}")).status());
    }

    @Test
    void othersSeeNothingAndRevokedLinksEndAtOnce() throws Exception {
        String alice = s.user("alice");
        String bob = s.user("bob");
        mixes.add("alice", "0000000000000002", audio, List.of(track("t1", "One", "A", null)));
        String token = s.json(s.send(new FakeRequest("POST", "/api/mixes/0000000000000002/shares").token(alice)
                .json("{\"visibility\":\"public\"}"))).get("token").asText();

        for (FakeRequest r : List.of(FakeRequest.get("/api/mixes/0000000000000002/shares").token(bob),
                new FakeRequest("POST", "/api/mixes/0000000000000002/shares").token(bob).json("{}"),
                new FakeRequest("DELETE", "/api/shares/" + token).token(bob))) {
            assertEquals(404, s.send(r).status(), r.method() + " " + r.path());
        }
        assertEquals(0, s.json(s.send(FakeRequest.get("/api/shares").token(bob))).size());
        assertEquals(401, s.send(FakeRequest.get("/api/shares")).status());
        assertEquals(200, s.send(FakeRequest.get("/s/" + token)).status(), "bob's attempt changed nothing");

        assertEquals(204, s.send(new FakeRequest("DELETE", "/api/shares/" + token).token(alice)).status());
        Reply gone = s.send(FakeRequest.get("/s/" + token));
        assertEquals(404, gone.status());
        assertEquals("text/html; charset=utf-8", gone.contentType());
        assertFalse(text(gone).contains("alice"));
        assertEquals(404, s.send(FakeRequest.get("/s/" + token + "/audio")).status());
        assertEquals(404, s.send(FakeRequest.get("/s/nonsense")).status());
        assertEquals(0, s.json(s.send(FakeRequest.get("/api/public/shares"))).get("total").asInt());
    }

    @Test
    void privacySettingsGovernPublicLinks() throws Exception {
        String alice = s.user("alice");
        mixes.add("alice", "0000000000000003", audio, List.of(track("t1", "One", "A", null)));
        JsonNode p = s.json(s.send(FakeRequest.get("/api/me/privacy").token(alice)));
        assertEquals("unlisted", p.get("defaultShareVisibility").asText());
        assertTrue(p.get("allowPublic").asBoolean());
        assertEquals(200, s.send(new FakeRequest("PUT", "/api/me/privacy").token(alice)
                .json("{\"defaultShareVisibility\":\"public\"}")).status());
        String token = s.json(s.send(new FakeRequest("POST", "/api/mixes/0000000000000003/shares").token(alice)
                .json("{}"))).get("token").asText();
        assertEquals(1, s.json(s.send(FakeRequest.get("/api/public/shares"))).get("total").asInt(), "the default is public now");

        Reply off = s.send(new FakeRequest("PUT", "/api/me/privacy").token(alice).json("{\"allowPublic\":false}"));
        assertEquals(200, off.status());
        assertEquals("unlisted", s.json(off).get("defaultShareVisibility").asText());
        assertEquals(0, s.json(s.send(FakeRequest.get("/api/public/shares"))).get("total").asInt());
        assertEquals("noindex", s.send(FakeRequest.get("/s/" + token)).headers().get("X-Robots-Tag"), "now unlisted");
        Reply refused = s.send(new FakeRequest("POST", "/api/mixes/0000000000000003/shares").token(alice)
                .json("{\"visibility\":\"public\"}"));
        assertEquals(400, refused.status());
        assertEquals("visibility", s.json(refused).get("field").asText());
        Reply bad = s.send(new FakeRequest("PUT", "/api/me/privacy").token(alice).json("{\"allowPublic\":\"maybe\"}"));
        assertEquals(400, bad.status());
        assertEquals("allowPublic", s.json(bad).get("field").asText());
        Reply unknown = s.send(new FakeRequest("PUT", "/api/me/privacy").token(alice).json("{\"public\":true}"));
        assertEquals("public", s.json(unknown).get("field").asText());
    }

    @Test
    void aDeletedMixOrAccountTakesItsLinksAlong() throws Exception {
        String alice = s.user("alice");
        String carol = s.user("carol");
        mixes.add("alice", "0000000000000004", audio, List.of(track("t1", "One", "A", null)));
        mixes.add("carol", "0000000000000005", audio, List.of(track("t1", "One", "A", null)));
        String a = s.json(s.send(new FakeRequest("POST", "/api/mixes/0000000000000004/shares").token(alice)
                .json("{\"visibility\":\"public\"}"))).get("token").asText();
        String c = s.json(s.send(new FakeRequest("POST", "/api/mixes/0000000000000005/shares").token(carol)
                .json("{\"visibility\":\"public\"}"))).get("token").asText();
        assertEquals(2, s.json(s.send(FakeRequest.get("/api/public/shares"))).get("total").asInt());

        mixes.delete("alice", "0000000000000004");
        assertEquals(404, s.send(FakeRequest.get("/s/" + a)).status());
        assertEquals(0, s.json(s.send(FakeRequest.get("/api/shares").token(alice))).size());

        String admin = s.login("admin", s.adminPassword);
        assertEquals(204, s.send(new FakeRequest("DELETE", "/api/users/carol").token(admin)).status());
        assertEquals(404, s.send(FakeRequest.get("/s/" + c)).status());
        assertEquals(0, s.json(s.send(FakeRequest.get("/api/public/shares"))).get("total").asInt());
        String stored = Files.readString(data.resolve("server").resolve(ShareStore.FILE));
        assertFalse(stored.contains(a) || stored.contains(c), "both revoked for good: " + stored);
    }

    @Test
    void publicPagesAreRateLimitedPerAddress() throws Exception {
        Reply limited = null;
        for (int i = 0; i < 100 && limited == null; i++) {
            Reply r = s.send(FakeRequest.get("/s/AAAAAAAAAAAAAAAAAAAAAAAA").from("198.51.100.7"));
            if (r.status() == 429) {
                limited = r;
            } else {
                assertEquals(404, r.status());
            }
        }
        assertNotNull(limited, "guessing tokens from one address hits the limit");
        assertNotNull(limited.headers().get("Retry-After"));
        assertEquals(404, s.send(FakeRequest.get("/s/AAAAAAAAAAAAAAAAAAAAAAAA").from("198.51.100.8")).status(),
                "another address has its own budget");
    }
}
