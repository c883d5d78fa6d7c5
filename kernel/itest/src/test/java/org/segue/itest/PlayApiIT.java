package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Badges, challenges, votes, leaderboards and analytics over real HTTP: {@code bin/segue serve}
 * of the built distribution with its real play engine, badge and challenge plugins. A mix rendered
 * through the api and feedback sent through it are recorded as the caller's events, and show up
 * in the caller's badges, challenge entries and analytics, and by pseudonym only to others.
 */
class PlayApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    java.nio.file.Path work;

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static JsonNode ok(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        return r.body().isEmpty() ? null : json(r);
    }

    private static void problem(HttpResponse<String> r, int status, String field) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        if (field != null) {
            assertEquals(field, json(r).get("field").asText(), r.body());
        }
    }

    @Test
    void playThroughTheApi() throws Exception {
        try (ServerIT.Server s = new ServerIT.Server(work, work.resolve("data"))) {
            String admin = s.login("admin", s.adminPassword);
            for (String u : new String[] {"alice", "bob"}) {
                ok(s.send("POST", "/api/users", admin, "{\"username\":\"" + u + "\",\"password\":\"secret-" + u + "\"}"), 201);
            }
            String alice = s.login("alice", "secret-alice");
            String bob = s.login("bob", "secret-bob");

            JsonNode badges = ok(s.send("GET", "/api/me/badges", alice, null), 200);
            assertTrue(badges.size() >= 9, "badge-core's badges: " + badges);
            JsonNode vote = null;
            JsonNode theme = null;
            for (JsonNode c : ok(s.send("GET", "/api/me/challenges", alice, null), 200)) {
                if (c.get("id").asText().startsWith("segue.challenge.vote-")) {
                    vote = c;
                } else if (c.get("id").asText().startsWith("segue.challenge.weekly-")) {
                    theme = c;
                }
            }
            assertNotNull(vote, "challenge-core's community vote");
            assertNotNull(theme, "challenge-core's weekly theme");
            assertTrue(vote.get("takesEntries").asBoolean(), vote.toString());
            assertFalse(theme.get("takesEntries").asBoolean(), "the theme scores the mixes made: " + theme);
            assertTrue(vote.get("open").asBoolean(), "it runs this week: " + vote);
            String path = vote.get("path").asText();
            assertFalse(path.contains("/"), path);

            // A mix and feedback of alice's, through the api.
            JsonNode t1 = ServerIT.upload(s, alice, "clicks-120.wav", ServerIT.clickTrack(120, 220, 40)).get("result");
            JsonNode t2 = ServerIT.upload(s, alice, "clicks-124.wav", ServerIT.clickTrack(124, 330, 40)).get("result");
            String id1 = t1.get("id").asText();
            String id2 = t2.get("id").asText();
            JsonNode plan = ok(s.send("POST", "/api/mixes/plans", alice, "{\"tracks\":[\"" + id1 + "\",\"" + id2
                    + "\"],\"style\":\"auto\",\"arc\":\"flat\"}"), 201);
            HttpResponse<String> render = s.send("POST", "/api/mixes", alice, "{\"planId\":\"" + plan.get("id").asText() + "\"}");
            assertEquals(202, render.statusCode(), render.body());
            String mixId = ServerIT.awaitJob(s, alice, render.headers().firstValue("Location").orElseThrow(), 240)
                    .get("result").get("mixId").asText();
            for (String[] f : new String[][] {{id1, "play"}, {id1, "play"}, {id2, "play"}, {id2, "transition-like"},
                    {id2, "transition-dislike"}, {id1, "transition-like"}}) {
                String other = f[1].startsWith("transition") ? ",\"otherTrackId\":\"" + (f[0].equals(id1) ? id2 : id1) + "\"" : "";
                ok(s.send("POST", "/api/feedback", alice, "{\"trackId\":\"" + f[0] + "\",\"kind\":\"" + f[1] + "\"" + other + "}"), 204);
            }

            JsonNode stats = ok(s.send("GET", "/api/me/analytics?top=5", alice, null), 200);
            assertEquals("alice", stats.get("userId").asText());
            assertEquals(1, stats.get("mixes").asInt(), stats.toString());
            assertEquals(id1, stats.get("mostPlayed").get(0).get("value").asText(), stats.toString());
            assertEquals(2, stats.get("mostPlayed").get(0).get("count").asInt());
            assertEquals(2, stats.get("mostPlayed").size());
            assertEquals(2, stats.get("transitionsKept").asInt());
            assertEquals(1, stats.get("transitionsSkipped").asInt());
            assertEquals(10, stats.get("energyCurve").size(), "the set's energies: " + stats);
            for (JsonNode e : stats.get("energyCurve")) {
                assertTrue(e.asDouble() >= 0 && e.asDouble() <= 1, stats.toString());
            }
            JsonNode month = stats.get("months").get(stats.get("months").size() - 1);
            assertEquals(122, month.get("meanBpm").asDouble(), 2.5, "tempi of the set and the plays: " + month);
            JsonNode bobs = ok(s.send("GET", "/api/me/analytics", bob, null), 200);
            assertEquals(0, bobs.get("mixes").asInt());
            assertEquals(0, bobs.get("mostPlayed").size(), "alice's plays are hers");
            boolean firstMix = false;
            for (JsonNode b : ok(s.send("GET", "/api/me/badges", alice, null), 200)) {
                firstMix |= b.get("id").asText().equals("segue.badge.first-mix/1") && !b.get("earnedAt").isNull();
            }
            assertTrue(firstMix, "the rendered mix earned alice's first-mix badge");

            // The weekly theme scores the mixes made; entering one is refused, not recorded to count nothing.
            assertTrue(theme.get("open").asBoolean(), "it runs this week: " + theme);
            HttpResponse<String> themed = s.send("POST", "/api/challenges/" + theme.get("path").asText() + "/entries", alice,
                    "{\"mixId\":\"" + mixId + "\"}");
            problem(themed, 409, null);
            assertTrue(json(themed).get("detail").asText().contains("takes no entries"), themed.body());

            // The community vote: enter, list by pseudonym, vote once, rank.
            String base = "/api/challenges/" + path;
            ok(s.send("POST", base + "/join", alice, null), 204);
            problem(s.send("POST", base + "/entries", bob, "{\"mixId\":\"" + mixId + "\"}"), 404, null);
            JsonNode entry = ok(s.send("POST", base + "/entries", alice, "{\"mixId\":\"" + mixId + "\"}"), 201);
            assertEquals(2, entry.get("trackCount").asInt(), entry.toString());
            HttpResponse<String> listed = s.send("GET", base + "/entries", bob, null);
            assertEquals(1, ok(listed, 200).get("total").asInt());
            assertTrue(json(listed).get("items").get(0).get("pseudonym").isNull(), listed.body());
            assertFalse(listed.body().contains("alice"), "never the user name: " + listed.body());
            assertEquals("Alicia", ok(s.send("PUT", "/api/me/leaderboard", alice, "{\"pseudonym\":\"Alicia\"}"), 200)
                    .get("pseudonym").asText());
            problem(s.send("PUT", "/api/me/leaderboard", bob, "{\"pseudonym\":\"alicia\"}"), 409, "pseudonym");
            problem(s.send("PUT", "/api/me/leaderboard", bob, "{\"pseudonym\":\"b\"}"), 400, "pseudonym");
            assertEquals("Alicia", ok(s.send("GET", base + "/entries", bob, null), 200).get("items").get(0).get("pseudonym").asText());
            ok(s.send("POST", base + "/votes", bob, "{\"mixId\":\"" + mixId + "\"}"), 204);
            problem(s.send("POST", base + "/votes", bob, "{\"mixId\":\"" + mixId + "\"}"), 409, "mixId");
            problem(s.send("POST", base + "/votes", alice, "{\"mixId\":\"" + mixId + "\"}"), 409, "mixId");
            JsonNode board = ok(s.send("GET", "/api/leaderboards/" + path + "?limit=10", bob, null), 200);
            assertEquals(1, board.get("total").asInt(), board.toString());
            assertEquals("Alicia", board.get("items").get(0).get("pseudonym").asText());
            assertEquals(1, board.get("items").get(0).get("rank").asInt());
            assertEquals(1.0, board.get("items").get(0).get("score").asDouble(), 1e-9, "one vote received");
            problem(s.send("GET", "/api/leaderboards/global?limit=501", bob, null), 400, "limit");
            problem(s.send("GET", "/api/leaderboards/segue.challenge.nope~1", bob, null), 404, null);
            JsonNode standing = null;
            for (JsonNode c : ok(s.send("GET", "/api/me/challenges", alice, null), 200)) {
                if (c.get("path").asText().equals(path)) {
                    standing = c;
                }
            }
            assertNotNull(standing);
            assertTrue(standing.get("joined").asBoolean());
            assertEquals(1, standing.get("rank").asInt(), standing.toString());
            assertEquals(mixId, standing.get("entries").get(0).asText());

            ok(s.send("DELETE", "/api/me/leaderboard", alice, null), 204);
            assertEquals(0, ok(s.send("GET", "/api/leaderboards/" + path, bob, null), 200).get("total").asInt(), "left: off the board");

            problem(s.send("GET", "/api/analytics/plugins", alice, null), 403, null);
            assertTrue(ok(s.send("GET", "/api/analytics/plugins", admin, null), 200).isArray());
        }
    }
}
