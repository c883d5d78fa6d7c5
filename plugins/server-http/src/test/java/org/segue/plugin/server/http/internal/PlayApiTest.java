package org.segue.plugin.server.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.plugin.server.http.internal.auth.AccountHooks;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.MixDtos.TransitionDto;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.plugin.server.http.internal.play.FakePlay;
import org.segue.plugin.server.http.internal.play.PlayRoutes;
import org.segue.plugin.server.http.internal.web.FakeRequest;
import org.segue.plugin.server.http.internal.web.Problem;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Settings;

/**
 * The play routes in the whole request pipeline, over a fake play engine: status codes, the 503
 * without the engine, roles, paging bounds, challenge rules, and privacy (every event is the
 * caller's, every answer the caller's own or by pseudonym).
 */
class PlayApiTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final ChallengeDescriptor OPEN = new ChallengeDescriptor("segue.challenge.vote-2026-11-23/1", "Community vote",
            "Votes count", Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"), true);
    static final ChallengeDescriptor CLOSED = new ChallengeDescriptor("segue.challenge.vote-2026-11-02/1", "Old vote",
            "Votes counted", Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-09T00:00:00Z"), true);
    static final String OPEN_PATH = "segue.challenge.vote-2026-11-23~1";

    @TempDir
    Path data;

    FakePlay play;
    TestServers s;
    final Map<String, PlayRoutes.OwnMix> mixes = new HashMap<>();

    @BeforeEach
    void server() throws Exception {
        play = new FakePlay(List.of(OPEN, CLOSED));
        s = new TestServers(data, Settings.defaults(), AccountHooks.NONE, List.of((router, core) -> new PlayRoutes(play,
                (user, id) -> Optional.ofNullable(mixes.get(user + "/" + id)),
                Clock.fixed(NOW, ZoneOffset.UTC)).register(router)));
        mixes.put("alice/m1", mix("m1", 124, 128));
        mixes.put("bob/m2", mix("m2", 100, 104));
    }

    static PlayRoutes.OwnMix mix(String id, double bpm1, double bpm2) {
        TrackDto a = new TrackDto("t1", "One", "A", null, "house, deep", 200, bpm1, "8A", "A minor", 0.5, -9.0, null);
        TrackDto b = new TrackDto("t2", "Two", "B", null, null, 210, bpm2, "9A", "E minor", 0.75, -9.0, null);
        PlanDto plan = new PlanDto("p-" + id, NOW.toString(), "auto", "rise", List.of(a, b),
                List.of(new TransitionDto(0, "t1", "t2", "segue.style.bassswap/1", 180, 16, 0.9, "why")), 380);
        return new PlayRoutes.OwnMix(plan, new MixDto(id, plan.id(), NOW.toString(), 381.25, -14, List.of(), null));
    }

    Reply get(String path, String token) {
        return s.send(FakeRequest.get(path).token(token));
    }

    Reply send(String method, String path, String token, String json) {
        FakeRequest r = new FakeRequest(method, path).token(token);
        return s.send(json == null ? r : r.json(json));
    }

    JsonNode json(Reply r) {
        return s.json(r);
    }

    void played(String user, String track) {
        play.record(new UserEvent(user, UserEventTypes.TRACK_PLAYED, NOW, Map.of(UserEventTypes.TRACK, track)));
    }

    @Test
    void withoutThePlayEngineEveryRouteAnswers503NamingTheService() {
        String alice = s.user("alice");
        play.present = false;
        for (String[] call : new String[][] {{"GET", "/api/me/badges"}, {"GET", "/api/me/challenges"},
                {"GET", "/api/leaderboards/global"}, {"GET", "/api/me/analytics"}, {"GET", "/api/me/leaderboard"},
                {"POST", "/api/challenges/" + OPEN_PATH + "/join"}}) {
            Reply r = send(call[0], call[1], alice, call[0].equals("POST") ? "{}" : null);
            assertEquals(503, r.status(), call[1]);
            assertEquals(Problem.MEDIA_TYPE, r.contentType());
            String detail = json(r).get("detail").asText();
            assertTrue(detail.contains("PlayStatistics") || detail.contains("EventLog"), detail);
            assertTrue(detail.contains("org.segue.plugin.play.engine"), detail);
        }
        assertEquals(401, s.send(FakeRequest.get("/api/me/badges")).status(), "no token");
    }

    @Test
    void badgesAndAnalyticsAreTheCallersOwn() {
        String alice = s.user("alice");
        String bob = s.user("bob");
        played("alice", "t1");
        played("alice", "t1");
        played("alice", "t2");
        played("bob", "secret");
        play.record(new UserEvent("alice", UserEventTypes.TRANSITION_RATED, NOW, Map.of(UserEventTypes.RATING, "1")));
        play.record(new UserEvent("alice", UserEventTypes.TRANSITION_RATED, NOW, Map.of(UserEventTypes.RATING, "0")));
        play.record(new UserEvent("alice", UserEventTypes.TRANSITION_RATED, NOW, Map.of(UserEventTypes.RATING, "0.9")));

        JsonNode badges = json(get("/api/me/badges", alice));
        assertEquals(1, badges.size());
        assertEquals(FakePlay.LISTENER, badges.get(0).get("id").asText());
        assertEquals(1.0, badges.get(0).get("fraction").asDouble());
        assertEquals(NOW.toString(), badges.get(0).get("earnedAt").asText());
        JsonNode bobs = json(get("/api/me/badges", bob)).get(0);
        assertEquals(1 / 3.0, bobs.get("fraction").asDouble(), 1e-9);
        assertTrue(bobs.get("earnedAt").isNull());

        Reply r = get("/api/me/analytics?top=1&user=bob", alice);
        assertEquals(200, r.status());
        JsonNode a = json(r);
        assertEquals("alice", a.get("userId").asText(), "a query cannot ask for another user");
        assertEquals(1, a.get("mostPlayed").size(), "top=1");
        assertEquals("t1", a.get("mostPlayed").get(0).get("value").asText());
        assertEquals(2, a.get("mostPlayed").get(0).get("count").asInt());
        assertEquals(2, a.get("transitionsKept").asInt());
        assertEquals(1, a.get("transitionsSkipped").asInt());
        assertFalse(r.json().toString().contains("secret"), "none of bob's plays");
        assertTrue(a.get("months").get(0).get("meanBpm").isNull(), "a month without tempi: null, not \"NaN\"");
        assertEquals(124, a.get("months").get(1).get("meanBpm").asDouble());
        assertEquals(2, json(get("/api/me/analytics", alice)).get("mostPlayed").size(), "default top 10: t1, t2");
        for (String bad : new String[] {"0", "101", "ten"}) {
            Reply b = get("/api/me/analytics?top=" + bad, alice);
            assertEquals(400, b.status(), bad);
            assertEquals("top", json(b).get("field").asText());
        }
    }

    @Test
    void pluginAnalyticsAreForAdminsOnly() {
        String alice = s.user("alice");
        assertEquals(403, get("/api/analytics/plugins", alice).status());
        String admin = s.login("admin", s.adminPassword);
        Reply r = get("/api/analytics/plugins", admin);
        assertEquals(200, r.status());
        JsonNode p = json(r).get(0);
        assertEquals("org.segue.plugin.analyzer.rhythm", p.get("plugin").asText());
        assertEquals(8, p.get("latencyBuckets").size());
        assertEquals(64, p.get("p95Millis").asDouble());
    }

    @Test
    void joiningAChallengeRecordsOneEventAsTheCallerWhileItIsOpen() {
        String alice = s.user("alice");
        assertEquals(204, send("POST", "/api/challenges/" + OPEN_PATH + "/join", alice, null).status());
        assertEquals(204, send("POST", "/api/challenges/" + OPEN_PATH + "/join", alice, null).status(), "again: no-op");
        List<UserEvent> joins = play.all().stream().filter(e -> e.type().equals(UserEventTypes.CHALLENGE_JOINED)).toList();
        assertEquals(1, joins.size());
        assertEquals("alice", joins.get(0).userId());
        assertEquals(OPEN.id(), joins.get(0).attributes().get(UserEventTypes.CHALLENGE));

        Reply closed = send("POST", "/api/challenges/" + CLOSED.id().replace('/', '~') + "/join", alice, null);
        assertEquals(409, closed.status());
        assertTrue(json(closed).get("detail").asText().contains("not open"), json(closed).toString());
        assertEquals(404, send("POST", "/api/challenges/segue.challenge.nope~1/join", alice, null).status());

        JsonNode list = json(get("/api/me/challenges", alice));
        assertEquals(2, list.size());
        assertEquals(OPEN.id(), list.get(0).get("id").asText());
        assertEquals(OPEN_PATH, list.get(0).get("path").asText());
        assertTrue(list.get(0).get("open").asBoolean());
        assertTrue(list.get(0).get("joined").asBoolean());
        assertFalse(list.get(1).get("open").asBoolean());
        assertFalse(list.get(1).get("joined").asBoolean());
    }

    @Test
    void enteringTakesOnlyTheCallersOwnMixWithItsNumbers() {
        String alice = s.user("alice");
        String entries = "/api/challenges/" + OPEN_PATH + "/entries";
        Reply r = send("POST", entries, alice, "{\"mixId\":\"m1\"}");
        assertEquals(201, r.status(), json(r).toString());
        assertEquals("m1", json(r).get("mixId").asText());
        assertTrue(json(r).get("mine").asBoolean());
        UserEvent e = play.all().get(0);
        assertEquals("alice", e.userId());
        assertEquals(UserEventTypes.CHALLENGE_ENTERED, e.type());
        assertEquals(OPEN.id(), e.attributes().get(UserEventTypes.CHALLENGE));
        assertEquals("m1", e.attributes().get(UserEventTypes.MIX));
        assertEquals("124.00,128.00", e.attributes().get(UserEventTypes.BPMS));
        assertEquals("8A,9A", e.attributes().get(UserEventTypes.KEYS));
        assertEquals("house  deep,", e.attributes().get(UserEventTypes.GENRES), "a genre's comma would shift the list");
        assertEquals("0.500,0.750", e.attributes().get(UserEventTypes.ENERGIES));
        assertEquals("381.3", e.attributes().get(UserEventTypes.DURATION));
        assertEquals("2", e.attributes().get(UserEventTypes.TRACK_COUNT));

        assertEquals(200, send("POST", entries, alice, "{\"mixId\":\"m1\"}").status(), "entered already");
        assertEquals(1, play.all().size(), "no second entry");
        assertEquals(404, send("POST", entries, alice, "{\"mixId\":\"m2\"}").status(), "bob's mix is not hers");
        Reply missing = send("POST", entries, alice, "{}");
        assertEquals(400, missing.status());
        assertEquals("mixId", json(missing).get("field").asText());
        assertEquals(409, send("POST", "/api/challenges/" + CLOSED.id().replace('/', '~') + "/entries", alice,
                "{\"mixId\":\"m1\"}").status(), "closed");
        assertEquals(List.of("m1"), List.of(json(get("/api/me/challenges", alice)).get(0).get("entries").get(0).asText()));
    }

    @Test
    void entriesShowPseudonymsNeverUserNamesAndVotesFollowTheRules() {
        String alice = s.user("alice");
        String bob = s.user("bob");
        String carol = s.user("carol");
        String base = "/api/challenges/" + OPEN_PATH;
        assertEquals(201, send("POST", base + "/entries", alice, "{\"mixId\":\"m1\"}").status());

        JsonNode page = json(get(base + "/entries", bob));
        assertEquals(1, page.get("total").asInt());
        JsonNode entry = page.get("items").get(0);
        assertTrue(entry.get("pseudonym").isNull(), "alice is not on the leaderboards: anonymous");
        assertFalse(entry.get("mine").asBoolean());
        assertFalse(page.toString().contains("alice"), page.toString());

        assertEquals(200, send("PUT", "/api/me/leaderboard", alice, "{\"pseudonym\":\"Alicia\"}").status());
        assertEquals("Alicia", json(get(base + "/entries", bob)).get("items").get(0).get("pseudonym").asText());

        assertEquals(204, send("POST", base + "/votes", bob, "{\"mixId\":\"m1\"}").status());
        UserEvent vote = play.all().get(play.all().size() - 1);
        assertEquals("bob", vote.userId());
        assertEquals(UserEventTypes.VOTE_CAST, vote.type());
        assertEquals("alice", vote.attributes().get(UserEventTypes.AUTHOR));
        JsonNode seen = json(get(base + "/entries", bob)).get("items").get(0);
        assertTrue(seen.get("voted").asBoolean());
        assertEquals(1, seen.get("votes").asInt());

        Reply twice = send("POST", base + "/votes", bob, "{\"mixId\":\"m1\"}");
        assertEquals(409, twice.status(), "one vote per user and mix");
        assertEquals("mixId", json(twice).get("field").asText());
        assertEquals(409, send("POST", base + "/votes", alice, "{\"mixId\":\"m1\"}").status(), "own mix");
        assertEquals(404, send("POST", base + "/votes", carol, "{\"mixId\":\"m2\"}").status(), "not entered");
        play.refuseAll = "at most 120 events per user per minute";
        Reply limited = send("POST", base + "/votes", carol, "{\"mixId\":\"m1\"}");
        assertEquals(409, limited.status());
        assertTrue(json(limited).get("detail").asText().contains("at most 120 events"), json(limited).toString());
    }

    @Test
    void leaderboardsArePagedAndShowOnlyThoseWhoJoined() {
        String alice = s.user("alice");
        String[] names = {"bob", "carol", "dave", "erin"};
        for (String n : names) {
            String t = s.user(n);
            assertEquals(200, send("PUT", "/api/me/leaderboard", t, "{\"pseudonym\":\"" + n.toUpperCase() + "_dj\"}").status());
        }
        // Votes received: erin 3, dave 2, carol 2, bob 0; alice (not joined) 5.
        int[] votes = {0, 2, 2, 3};
        for (int i = 0; i < names.length; i++) {
            for (int v = 0; v < votes[i]; v++) {
                play.record(new UserEvent("voter" + v, UserEventTypes.VOTE_CAST, NOW, Map.of(UserEventTypes.CHALLENGE, OPEN.id(),
                        UserEventTypes.MIX, names[i] + "-mix", UserEventTypes.AUTHOR, names[i])));
            }
        }
        for (int v = 0; v < 5; v++) {
            play.record(new UserEvent("voter" + v, UserEventTypes.VOTE_CAST, NOW, Map.of(UserEventTypes.CHALLENGE, OPEN.id(),
                    UserEventTypes.MIX, "alice-mix", UserEventTypes.AUTHOR, "alice")));
        }
        JsonNode first = json(get("/api/leaderboards/" + OPEN_PATH + "?offset=0&limit=2", alice));
        assertEquals(OPEN.id(), first.get("board").asText());
        assertEquals(4, first.get("total").asInt(), "alice has not joined");
        assertEquals(2, first.get("items").size());
        assertEquals("ERIN_dj", first.get("items").get(0).get("pseudonym").asText());
        assertEquals(1, first.get("items").get(0).get("rank").asInt());
        assertEquals(2, first.get("items").get(1).get("rank").asInt());
        JsonNode second = json(get("/api/leaderboards/" + OPEN_PATH + "?offset=2&limit=2", alice));
        assertEquals(2, second.get("offset").asInt());
        assertEquals(2, second.get("items").get(0).get("rank").asInt(), "a tie shares the rank");
        assertEquals("BOB_dj", second.get("items").get(1).get("pseudonym").asText());
        assertEquals(0, json(get("/api/leaderboards/global?offset=10", alice)).get("items").size(), "past the end: empty");
        assertFalse(get("/api/leaderboards/global", alice).json().toString().contains("alice"));

        for (String q : new String[] {"limit=0", "limit=501", "offset=-1", "limit=x"}) {
            Reply r = get("/api/leaderboards/global?" + q, alice);
            assertEquals(400, r.status(), q);
            assertEquals(q.substring(0, q.indexOf('=')), json(r).get("field").asText(), q);
        }
        assertEquals(404, get("/api/leaderboards/segue.challenge.nope", alice).status());
    }

    @Test
    void pseudonymsAreCheckedAndLeavingRemovesTheCallerFromTheBoards() {
        String alice = s.user("alice");
        String bob = s.user("bob");
        for (String bad : new String[] {"{\"pseudonym\":\"x\"}", "{\"pseudonym\":\"has space\"}", "{}"}) {
            Reply r = send("PUT", "/api/me/leaderboard", alice, bad);
            assertEquals(400, r.status(), bad);
            assertEquals("pseudonym", json(r).get("field").asText(), bad);
        }
        JsonNode none = json(get("/api/me/leaderboard", alice));
        assertFalse(none.get("joined").asBoolean());
        assertEquals(200, send("PUT", "/api/me/leaderboard", alice, "{\"pseudonym\":\"Nova\"}").status());
        Reply taken = send("PUT", "/api/me/leaderboard", bob, "{\"pseudonym\":\"nova\"}");
        assertEquals(409, taken.status());
        assertEquals("pseudonym", json(taken).get("field").asText());
        assertTrue(json(taken).get("detail").asText().contains("taken"));
        JsonNode me = json(get("/api/me/leaderboard", alice));
        assertTrue(me.get("joined").asBoolean());
        assertEquals("Nova", me.get("pseudonym").asText());
        assertEquals(1, json(get("/api/leaderboards/global", bob)).get("total").asInt());

        assertEquals(204, send("DELETE", "/api/me/leaderboard", alice, null).status());
        assertFalse(json(get("/api/me/leaderboard", alice)).get("joined").asBoolean());
        assertEquals(0, json(get("/api/leaderboards/global", bob)).get("total").asInt());
        assertEquals(204, send("DELETE", "/api/me/leaderboard", alice, null).status(), "leaving twice is fine");
        assertEquals(1, play.all().stream().filter(e -> e.type().equals(UserEventTypes.LEADERBOARD_LEFT)).count());
        assertEquals(200, send("PUT", "/api/me/leaderboard", bob, "{\"pseudonym\":\"nova\"}").status(), "freed");
    }
}
