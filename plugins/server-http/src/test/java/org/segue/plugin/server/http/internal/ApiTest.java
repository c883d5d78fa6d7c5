package org.segue.plugin.server.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.plugin.server.http.internal.auth.AccountHooks;
import org.segue.plugin.server.http.internal.web.FakeRequest;
import org.segue.plugin.server.http.internal.web.Problem;
import org.segue.plugin.server.http.internal.web.Reply;

/** The whole request pipeline in memory: auth, roles, limits, errors, CORS, persistence. */
class ApiTest {

    @TempDir
    Path data;

    @Test
    void firstStartMakesAnAdminWithAPrivatePasswordFileAndOnlyOnce() throws Exception {
        TestServers s = new TestServers(data);
        Path file = data.resolve(ServerCore.INITIAL_PASSWORD_FILE);
        assertEquals(s.adminPassword, Files.readString(file).trim());
        assertTrue(s.adminPassword.length() >= 20, "random, long");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("users.json"))));
        assertFalse(Files.readString(data.resolve("users.json")).contains(s.adminPassword), "only the hash is stored");
        s.core.close();
        TestServers again = new TestServers(data);
        assertNull(again.adminPassword, "accounts exist: no second bootstrap");
        assertNotNull(again.login("admin", s.adminPassword), "the account survived the restart");
    }

    @Test
    void loginGivesATokenThatWorksUntilLogout() throws Exception {
        TestServers s = new TestServers(data);
        Reply wrong = s.send(new FakeRequest("POST", "/api/auth/login").json("{\"username\":\"admin\",\"password\":\"nope-nope\"}"));
        Reply unknown = s.send(new FakeRequest("POST", "/api/auth/login").json("{\"username\":\"ghost\",\"password\":\"nope-nope\"}"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(s.json(wrong).get("detail"), s.json(unknown).get("detail"), "no hint which user names exist");
        assertEquals(Problem.MEDIA_TYPE, wrong.contentType());

        String token = s.login("admin", s.adminPassword);
        assertEquals(43, token.length(), "256 bits, base64url");
        Reply me = s.send(FakeRequest.get("/api/me").token(token));
        assertEquals(200, me.status());
        assertEquals("admin", s.json(me).get("username").asText());
        assertEquals("admin", s.json(me).get("role").asText());
        assertEquals(3, s.json(me).size(), "username, role, createdAt and nothing else: " + s.json(me));
        assertFalse(Files.readString(data.resolve("tokens.json")).contains(token), "tokens are stored hashed");

        assertEquals(204, s.send(new FakeRequest("POST", "/api/auth/logout").token(token)).status());
        assertEquals(401, s.send(FakeRequest.get("/api/me").token(token)).status());
        assertEquals(401, s.send(FakeRequest.get("/api/me")).status(), "no token");
        assertEquals(401, s.send(FakeRequest.get("/api/me").token("made-up")).status());
    }

    @Test
    void tokensSurviveARestart() throws Exception {
        TestServers s = new TestServers(data);
        String token = s.login("admin", s.adminPassword);
        s.core.close();
        TestServers again = new TestServers(data);
        assertEquals(200, again.send(FakeRequest.get("/api/me").token(token)).status());
    }

    @Test
    void onlyAdminsManageAccountsAndTheLastAdminStays() throws Exception {
        TestServers s = new TestServers(data);
        String alice = s.user("alice");
        Reply r = s.send(FakeRequest.get("/api/users").token(alice));
        assertEquals(403, r.status());
        assertEquals(Problem.MEDIA_TYPE, r.contentType());
        assertEquals(403, s.send(new FakeRequest("POST", "/api/users").token(alice)
                .json("{\"username\":\"mallory\",\"password\":\"password1\",\"role\":\"admin\"}")).status());
        String admin = s.login("admin", s.adminPassword);
        JsonNode list = s.json(s.send(FakeRequest.get("/api/users").token(admin)));
        assertEquals(2, list.size());
        assertEquals(409, s.send(new FakeRequest("POST", "/api/users").token(admin)
                .json("{\"username\":\"alice\",\"password\":\"password1\"}")).status(), "taken");
        assertEquals(409, s.send(new FakeRequest("DELETE", "/api/users/admin").token(admin)).status(), "last admin");
        assertEquals(204, s.send(new FakeRequest("DELETE", "/api/users/alice").token(admin)).status());
        assertEquals(401, s.send(FakeRequest.get("/api/me").token(alice)).status(), "a deleted user's tokens end");
        assertEquals(404, s.send(new FakeRequest("DELETE", "/api/users/alice").token(admin)).status());
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        TestServers s = new TestServers(data);
        String admin = s.login("admin", s.adminPassword);
        record Case(String body, int status, String field) {
        }
        for (Case c : List.of(
                new Case("{\"username\":\"Bad Name\",\"password\":\"password1\"}", 400, "username"),
                new Case("{\"username\":\"carol\",\"password\":\"short\"}", 400, "password"),
                new Case("{\"username\":\"carol\",\"password\":\"password1\",\"role\":\"root\"}", 400, "role"),
                new Case("{\"username\":\"carol\",\"password\":\"password1\",\"colour\":\"red\"}", 400, "colour"),
                new Case("{\"username\":[1],\"password\":\"password1\"}", 400, "username"))) {
            Reply r = s.send(new FakeRequest("POST", "/api/users").token(admin).json(c.body()));
            assertEquals(c.status(), r.status(), c.body());
            assertEquals(c.field(), s.json(r).get("field").asText(), c.body());
            assertEquals(Problem.MEDIA_TYPE, r.contentType());
            assertEquals("/api/users", s.json(r).get("instance").asText());
        }
        Reply notJson = s.send(new FakeRequest("POST", "/api/users").token(admin).json("{nope"));
        assertEquals(400, notJson.status());
        Reply text = s.send(new FakeRequest("POST", "/api/users").token(admin).header("Content-Type", "text/plain")
                .bytes("x".getBytes(StandardCharsets.UTF_8), false));
        assertEquals(415, text.status());
        assertEquals(404, s.send(FakeRequest.get("/api/nothing-here").token(admin)).status());
        assertEquals(405, s.send(new FakeRequest("PUT", "/api/users").token(admin)).status());
        assertEquals(400, s.send(new FakeRequest("PUT", "/api/me/password").token(admin)
                .json("{\"oldPassword\":\"wrong-one\",\"newPassword\":\"password2\"}")).status());
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutADeclaredLength() throws Exception {
        TestServers s = new TestServers(data);
        String admin = s.login("admin", s.adminPassword);
        byte[] big = ("{\"username\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : new boolean[] {false, true}) {
            Reply r = s.send(new FakeRequest("POST", "/api/users").token(admin).header("Content-Type", "application/json")
                    .bytes(big, chunked));
            assertEquals(413, r.status(), chunked ? "chunked" : "with Content-Length");
            assertEquals(Problem.MEDIA_TYPE, r.contentType());
        }
    }

    @Test
    void requestsBeyondTheBurstAre429WithRetryAfterPerToken() throws Exception {
        TestServers s = new TestServers(data.resolve("a"), TestServers.settings(30, List.of()), AccountHooks.NONE, List.of());
        String admin = s.login("admin", s.adminPassword);
        int ok = 0;
        Reply last = null;
        for (int i = 0; i < 60; i++) {
            last = s.send(FakeRequest.get("/api/me").token(admin));
            if (last.status() == 200) {
                ok++;
            } else {
                break;
            }
        }
        assertTrue(ok >= 30 && ok <= 31, "the burst (plus what refills meanwhile) passes: " + ok);
        assertEquals(429, last.status());
        assertTrue(Integer.parseInt(last.headers().get("Retry-After")) >= 1);
        String other = s.user("bob");
        assertEquals(200, s.send(FakeRequest.get("/api/me").token(other)).status(), "another token has its own budget");
    }

    @Test
    void loginAttemptsAreThrottledPerUserName() throws Exception {
        TestServers s = new TestServers(data);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, s.send(new FakeRequest("POST", "/api/auth/login").from("10.1.1." + i)
                    .json("{\"username\":\"admin\",\"password\":\"guess-" + i + "\"}")).status());
        }
        Reply r = s.send(new FakeRequest("POST", "/api/auth/login").from("10.1.2.1")
                .json("{\"username\":\"admin\",\"password\":\"" + s.adminPassword + "\"}"));
        assertEquals(429, r.status(), "even the right password waits, from any address");
        assertTrue(Integer.parseInt(r.headers().get("Retry-After")) > 0);
    }

    @Test
    void corsOnlyForConfiguredOrigins() throws Exception {
        TestServers s = new TestServers(data, TestServers.settings(100, List.of("https://ui.example")), AccountHooks.NONE,
                List.of());
        Reply allowed = s.send(FakeRequest.get("/api/health").header("Origin", "https://ui.example"));
        assertEquals("https://ui.example", allowed.headers().get("Access-Control-Allow-Origin"));
        Reply other = s.send(FakeRequest.get("/api/health").header("Origin", "https://evil.example"));
        assertNull(other.headers().get("Access-Control-Allow-Origin"));
        Reply preflight = s.send(new FakeRequest("OPTIONS", "/api/tracks").header("Origin", "https://ui.example")
                .header("Access-Control-Request-Method", "GET"));
        assertEquals(204, preflight.status());
        assertTrue(preflight.headers().get("Access-Control-Allow-Headers").contains("Authorization"));
        assertEquals(403, s.send(new FakeRequest("OPTIONS", "/api/tracks").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")).status());
    }

    @Test
    void healthAndPluginsAndPasswordChange() throws Exception {
        TestServers s = new TestServers(data);
        Reply health = s.send(FakeRequest.get("/api/health"));
        assertEquals("ok", s.json(health).get("status").asText());
        assertEquals("1.2.3", s.json(health).get("version").asText());
        String alice = s.user("alice");
        JsonNode plugins = s.json(s.send(FakeRequest.get("/api/plugins").token(alice)));
        assertEquals("not resolved", plugins.get(1).get("problem").asText());
        assertTrue(plugins.get(0).get("problem").isNull());
        assertEquals(204, s.send(new FakeRequest("PUT", "/api/me/password").token(alice)
                .json("{\"oldPassword\":\"password-alice\",\"newPassword\":\"new-password\"}")).status());
        assertEquals(401, s.send(FakeRequest.get("/api/me").token(alice)).status(), "old sessions end");
        assertNotNull(s.login("alice", "new-password"));
    }
}
