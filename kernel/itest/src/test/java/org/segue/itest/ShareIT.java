package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Share links over real HTTP against {@code bin/segue serve --port 0}: a rendered mix shared
 * unlisted plays without signing in (its audio byte for byte the owner's), is not listed; a public
 * share is; another user can neither list nor revoke; a revoked link ends; public sharing can be
 * forbidden; a live link survives a restart.
 */
class ShareIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static HttpResponse<byte[]> bytes(ServerIT.Server s, String path, String token, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(s.base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (range != null) {
            b.header("Range", range);
        }
        return s.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Uploads two tracks, plans and renders a mix; returns its id. */
    private static String renderMix(ServerIT.Server s, String token) throws Exception {
        String a = ServerIT.upload(s, token, "a.wav", ServerIT.clickTrack(120, 220, 12)).get("result").get("id").asText();
        String b = ServerIT.upload(s, token, "b.wav", ServerIT.clickTrack(124, 330, 12)).get("result").get("id").asText();
        HttpResponse<String> plan = s.send("POST", "/api/mixes/plans", token,
                "{\"tracks\":[\"" + a + "\",\"" + b + "\"],\"style\":\"auto\",\"arc\":\"flat\"}");
        assertEquals(201, plan.statusCode(), plan.body());
        HttpResponse<String> render = s.send("POST", "/api/mixes", token, "{\"planId\":\"" + json(plan).get("id").asText() + "\"}");
        assertEquals(202, render.statusCode(), render.body());
        String location = render.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            JsonNode job = json(s.send("GET", location, token, null));
            if (job.get("state").asText().equals("succeeded")) {
                return job.get("result").get("mixId").asText();
            }
            assertTrue(job.get("state").asText().matches("queued|running"), job.toString());
            Thread.sleep(250);
        }
        throw new AssertionError("the mix did not render");
    }

    @Test
    void shareLinksPlayWithoutSigningInAndEndWhenRevoked() throws Exception {
        Path data = work.resolve("data");
        String alice;
        String keptToken;
        byte[] ownerAudio;
        try (ServerIT.Server s = new ServerIT.Server(work, data)) {
            String admin = s.login("admin", s.adminPassword);
            for (String u : new String[] {"alice", "bob"}) {
                assertEquals(201, s.send("POST", "/api/users", admin,
                        "{\"username\":\"" + u + "\",\"password\":\"secret-" + u + "\"}").statusCode());
            }
            alice = s.login("alice", "secret-alice");
            String bob = s.login("bob", "secret-bob");
            String mixId = renderMix(s, alice);

            HttpResponse<String> created = s.send("POST", "/api/mixes/" + mixId + "/shares", alice, "{\"visibility\":\"unlisted\"}");
            assertEquals(201, created.statusCode(), created.body());
            String unlisted = json(created).get("token").asText();
            String url = json(created).get("url").asText();
            assertEquals("/s/" + unlisted, url);

            HttpResponse<String> page = s.send("GET", url, null, null);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals("noindex", page.headers().firstValue("X-Robots-Tag").orElse(""));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
            assertTrue(page.body().contains("<audio controls") && page.body().contains(url + "/audio"), page.body());
            assertFalse(page.body().contains("alice"));

            ownerAudio = bytes(s, "/api/mixes/" + mixId + "/audio", alice, null).body();
            assertTrue(ownerAudio.length > 100_000, "a rendered mix: " + ownerAudio.length);
            HttpResponse<byte[]> range = bytes(s, url + "/audio", null, "bytes=1000-65535");
            assertEquals(206, range.statusCode());
            assertEquals("bytes 1000-65535/" + ownerAudio.length, range.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(java.util.Arrays.copyOfRange(ownerAudio, 1000, 65536), range.body());
            assertEquals(200, bytes(s, url + "/timeline.svg", null, null).statusCode());
            assertEquals(200, bytes(s, url + "/tracklist", null, null).statusCode());
            assertEquals(0, json(s.send("GET", "/api/public/shares", null, null)).get("total").asInt(), "unlisted is not listed");

            String pub = json(s.send("POST", "/api/mixes/" + mixId + "/shares", alice, "{\"visibility\":\"public\"}"))
                    .get("token").asText();
            JsonNode listed = json(s.send("GET", "/api/public/shares?offset=0&limit=10", null, null));
            assertEquals(1, listed.get("total").asInt(), listed.toString());
            assertEquals(pub, listed.get("items").get(0).get("token").asText());
            HttpResponse<String> sharedPage = s.send("GET", "/shared", null, null);
            assertTrue(sharedPage.body().contains("/s/" + pub) && !sharedPage.body().contains(unlisted), sharedPage.body());

            // Bob: alice's mix and links do not exist for him.
            assertEquals(404, s.send("GET", "/api/mixes/" + mixId + "/shares", bob, null).statusCode());
            assertEquals(404, s.send("POST", "/api/mixes/" + mixId + "/shares", bob, "{}").statusCode());
            assertEquals(404, s.send("DELETE", "/api/shares/" + unlisted, bob, null).statusCode());
            assertEquals(0, json(s.send("GET", "/api/shares", bob, null)).size());
            assertEquals(2, json(s.send("GET", "/api/shares", alice, null)).size());

            // Revoked: the page and the audio end at once.
            assertEquals(204, s.send("DELETE", "/api/shares/" + unlisted, alice, null).statusCode());
            HttpResponse<String> gone = s.send("GET", url, null, null);
            assertTrue(gone.statusCode() == 404 || gone.statusCode() == 410, gone.statusCode() + " " + gone.body());
            assertFalse(gone.body().contains("alice"));
            assertEquals(404, bytes(s, url + "/audio", null, "bytes=0-99").statusCode());

            // No public sharing: refused, and the public link becomes unlisted.
            HttpResponse<String> off = s.send("PUT", "/api/me/privacy", alice, "{\"allowPublic\":false}");
            assertEquals(200, off.statusCode(), off.body());
            HttpResponse<String> refused = s.send("POST", "/api/mixes/" + mixId + "/shares", alice, "{\"visibility\":\"public\"}");
            assertEquals(400, refused.statusCode());
            assertEquals("visibility", json(refused).get("field").asText());
            assertEquals(0, json(s.send("GET", "/api/public/shares", null, null)).get("total").asInt());
            keptToken = pub;
            assertEquals(200, s.send("GET", "/s/" + keptToken, null, null).statusCode(), "still reachable, unlisted");
        }
        try (ServerIT.Server again = new ServerIT.Server(work, data)) {
            HttpResponse<String> page = again.send("GET", "/s/" + keptToken, null, null);
            assertEquals(200, page.statusCode(), "a live link survives a restart");
            assertEquals("noindex", page.headers().firstValue("X-Robots-Tag").orElse(""), "and stays unlisted");
            HttpResponse<byte[]> audio = bytes(again, "/s/" + keptToken + "/audio", null, "bytes=0-4095");
            assertEquals(206, audio.statusCode());
            assertArrayEquals(java.util.Arrays.copyOfRange(ownerAudio, 0, 4096), audio.body());
            JsonNode privacy = json(again.send("GET", "/api/me/privacy", alice, null));
            assertFalse(privacy.get("allowPublic").asBoolean(), "privacy settings survive too");
        }
    }
}
