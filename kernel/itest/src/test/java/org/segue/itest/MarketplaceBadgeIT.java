package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.marketplace.server.MarketplaceConfig;
import org.segue.marketplace.server.MarketplaceServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A badge from the marketplace starts counting in a running server, without a restart, and
 * counts what happened before it came: the night-owl sample is published to the real
 * marketplace, a user of a running {@code segue serve} plays two tracks, {@code segue plugin
 * install} puts the badge into the server's {@code plugins/}, the server's badge list shows it
 * caught up at 2 of 3, and one more play earns it.
 */
class MarketplaceBadgeIT {

    static final String BSN = "org.segue.sample.badge.nightowl";
    static final String BADGE = "sample.badge.nightowl/1";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** A UTC offset whose clock now reads between 1 and 2 am, so plays made now are night plays. */
    static String nightZone() {
        int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = hour <= 13 ? 1 - hour : 25 - hour; // stays within -12..+14
        return ZoneOffset.ofHours(offset).getId();
    }

    @Test
    void aBadgeInstalledFromTheMarketplaceCatchesUpAndCountsInTheRunningServer() throws Exception {
        try (MarketplaceServer market = MarketplaceServer.start(MarketplaceConfig.local(work.resolve("market")))) {
            MarketplaceIT.Publisher alice = new MarketplaceIT.Publisher(market.uri(), "alice");
            alice.register();
            alice.publish(Files.readAllBytes(SamplePluginsIT.sampleJar("badge-night-owl")), "Night owl", "badge");

            Path segue = SamplePluginsIT.copyOfTheDistribution(work.resolve("segue"));
            Files.writeString(segue.resolve("conf/sample.badge.nightowl.cfg"),
                    "tracks=3\nuntilHour=5\nzone=" + nightZone() + "\n");
            try (ServerIT.Server s = new ServerIT.Server(segue, work, work.resolve("data"))) {
                String admin = s.login("admin", s.adminPassword);
                assertEquals(201, s.send("POST", "/api/users", admin,
                        "{\"username\":\"owl\",\"password\":\"secret-owl\"}").statusCode());
                String owl = s.login("owl", "secret-owl");
                String track = ServerIT.upload(s, owl, "night.wav", ServerIT.clickTrack(122, 220, 30))
                        .get("result").get("id").asText();
                play(s, owl, track);
                play(s, owl, track);
                assertTrue(badge(s, owl) == null, "not installed yet");

                assertEquals(0, segue(segue, "plugin", "trust", "marketplace", market.keyFingerprint(), "--url",
                        market.uri().toString()).code());
                assertEquals(0, segue(segue, "plugin", "trust", "alice", alice.fingerprint()).code());
                SegueProcess.Result install = segue(segue, "plugin", "install", BSN);
                assertEquals(0, install.code(), install.out() + install.err());

                JsonNode caughtUp = awaitBadge(s, owl);
                assertEquals(2, caughtUp.get("count").asInt(), "the two plays before it came: " + caughtUp);
                assertTrue(caughtUp.get("earnedAt").isNull(), caughtUp.toString());

                play(s, owl, track);
                JsonNode earned = badge(s, owl);
                assertEquals(3, earned.get("count").asInt(), earned.toString());
                assertTrue(!earned.get("earnedAt").isNull(), "earned by the third night play: " + earned);
            }
        }
    }

    private static void play(ServerIT.Server s, String token, String track) throws Exception {
        HttpResponse<String> r = s.send("POST", "/api/feedback", token, "{\"trackId\":\"" + track + "\",\"kind\":\"play\"}");
        assertEquals(204, r.statusCode(), r.body());
    }

    private static JsonNode badge(ServerIT.Server s, String token) throws Exception {
        HttpResponse<String> r = s.send("GET", "/api/me/badges", token, null);
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode b : JSON.readTree(r.body())) {
            if (b.get("id").asText().equals(BADGE)) {
                return b;
            }
        }
        return null;
    }

    /** The server's File Install sees the new jar within seconds; no restart. */
    private static JsonNode awaitBadge(ServerIT.Server s, String token) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode b = badge(s, token);
            if (b != null) {
                return b;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the badge never appeared in the running server");
    }

    private SegueProcess.Result segue(Path home, String... args) throws Exception {
        return SegueProcess.run(home, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()), args);
    }
}
