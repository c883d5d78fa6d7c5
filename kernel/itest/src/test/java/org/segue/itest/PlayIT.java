package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.segue.api.play.EventLog;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * The play engine in the real distribution: events recorded through the EventLog service reach the
 * core badges and challenges, a re-delivered event counts once, and a badge plugin dropped into
 * plugins/ afterwards catches up from the history without a restart. Then a second kernel on the
 * same log (a restart) shows the same.
 */
class PlayIT {

    @TempDir
    Path home;
    @TempDir
    Path build;

    @Test
    void eventsEarnBadgesAndALateBadgeCatchesUpWithoutARestart() throws Exception {
        Path data = home.resolve("play-data");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/org.segue.plugin.play.engine.cfg"), "dataDirectory = " + data + "\n");
        Path late = TestPlugins.build(build, "latebadge", "1.0.0", Map.of());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String firstMixEarned;
        try (KernelFixture k = new KernelFixture(home)) {
            EventLog events = eventLog(k, data);
            UserEvent mix = new UserEvent("ana", UserEventTypes.MIX_CREATED, now, Map.of(UserEventTypes.MIX, "m1",
                    UserEventTypes.TRACK_COUNT, "3", UserEventTypes.DURATION, "1900", UserEventTypes.BPMS, "100,104,110",
                    UserEventTypes.KEYS, "8A,9A,9B", UserEventTypes.ENERGIES, "0.4,0.6,0.8"));
            assertEquals(RecordResult.Status.RECORDED, events.record(mix).status());
            assertEquals(RecordResult.Status.DUPLICATE, events.record(mix).status(), "re-delivered");
            for (int i = 0; i < 3; i++) {
                assertEquals(RecordResult.Status.RECORDED, events.record(new UserEvent("ana", UserEventTypes.TRACK_PLAYED,
                        now.plusSeconds(60 + i), Map.of(UserEventTypes.TRACK, "t" + i, UserEventTypes.GENRE, "g" + i))).status());
            }

            String badges = k.run("badges", "--user", "ana");
            firstMixEarned = line(badges, "First mix");
            assertTrue(firstMixEarned.contains("earned") && firstMixEarned.contains(now.toString()), badges);
            assertTrue(line(badges, "Genre explorer").contains("38 %"), "3 of 8 genres: " + badges);
            assertTrue(badges.contains("1 of 9 badges earned by ana"), badges);
            String challenges = k.run("challenges", "--user", "ana");
            assertTrue(challenges.contains("Weekly theme") && challenges.contains("Beat the clock"), challenges);
            assertTrue(k.run("stats", "--user", "ana").contains("energy across a set"));

            TestPlugins.drop(late, k.plugins, "latebadge.jar");
            KernelFixture.await("the late badge caught up from the history", Duration.ofSeconds(10),
                    () -> line(runQuietly(k, "badges", "--user", "ana"), "Late badge").contains("earned"));
            String after = k.run("badges", "--user", "ana");
            assertTrue(line(after, "Late badge").contains(now.plusSeconds(61).toString()),
                    "earned at the second play's time, not the install's: " + after);
            assertTrue(after.contains("2 of 10 badges earned by ana"), after);
            assertEquals(4, events.history("ana").size());

            k.run("leaderboard", "join", "Selecta", "--user", "ana");
            String global = k.run("leaderboard", "global");
            assertTrue(global.contains("Selecta                  45"), "two badges, 10 points each, and the weekly theme's "
                    + "30-minute set from 90 to 130 BPM completed, 25: " + global);
            String weekly = k.run("leaderboard", weeklyId(k.run("challenges")));
            assertTrue(weekly.contains("Selecta                  31.6"), "the 1900 s set scores its minutes: " + weekly);
        }
        // A restart replays the log: the same badges, and the old event is still a duplicate.
        try (KernelFixture k = new KernelFixture(home)) {
            EventLog events = eventLog(k, data);
            String badges = k.run("badges", "--user", "ana");
            assertEquals(firstMixEarned, line(badges, "First mix"));
            assertTrue(badges.contains("2 of 10 badges earned by ana"), badges);
            UserEvent again = events.history("ana").get(0);
            assertEquals(RecordResult.Status.DUPLICATE, events.record(again).status());
        }
    }

    private static EventLog eventLog(KernelFixture k, Path data) throws Exception {
        // The engine takes its folder from conf/ (applied by Config Admin shortly after boot); the
        // EventLog service shares the engine's configuration, so its properties show the folder.
        KernelFixture.await("the play engine configured from conf/", Duration.ofSeconds(10), () -> {
            ServiceReference<EventLog> ref = k.context().getServiceReference(EventLog.class);
            return ref != null && data.toString().equals(ref.getProperty("dataDirectory"));
        });
        return k.context().getService(k.context().getServiceReference(EventLog.class));
    }

    private static String runQuietly(KernelFixture k, String... args) {
        try {
            return k.run(args[0], List.of(args).subList(1, args.length).toArray(String[]::new));
        } catch (Throwable e) {
            return "";
        }
    }

    private static String weeklyId(String challenges) {
        return challenges.lines().filter(l -> l.startsWith("segue.challenge.weekly")).findFirst().orElseThrow().split(" ")[0];
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElse("");
    }
}
