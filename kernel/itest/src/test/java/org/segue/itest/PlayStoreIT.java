package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * The play store (SQLite, play.db) shared by two processes of the real distribution: a kernel
 * that stays up, as the server does, and the command line run beside it. Each sees what the other
 * recorded, PlayStatistics answers from the store, and the command line runs on SQLite's native
 * library without a warning.
 */
class PlayStoreIT {

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void theCommandLineAndARunningKernelShareTheStore() throws Exception {
        Path xdg = work.resolve("data");
        Path data = xdg.resolve("segue").resolve("play");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/org.segue.plugin.play.engine.cfg"), "dataDirectory = " + data + "\n");
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KernelFixture k = new KernelFixture(home)) {
            KernelFixture.await("the play engine configured from conf/", Duration.ofSeconds(10), () -> {
                ServiceReference<EventLog> ref = k.context().getServiceReference(EventLog.class);
                return ref != null && data.toString().equals(ref.getProperty("dataDirectory"));
            });
            EventLog events = k.context().getService(k.context().getServiceReference(EventLog.class));
            PlayStatistics statistics = k.context().getService(k.context().getServiceReference(PlayStatistics.class));

            List<RecordResult> batch = events.recordAll(List.of(
                    new UserEvent("ana", UserEventTypes.MIX_CREATED, now, Map.of(UserEventTypes.MIX, "m1",
                            UserEventTypes.TRACK_COUNT, "2", UserEventTypes.ENERGIES, "0.3,0.9")),
                    new UserEvent(UserEventTypes.HOST_USER, UserEventTypes.PLUGIN_USED, now, Map.of(UserEventTypes.PLUGIN,
                            "org.segue.plugin.analyzer.rhythm", UserEventTypes.MILLIS, "40", UserEventTypes.OK, "true"))));
            assertEquals(List.of(RecordResult.Status.RECORDED, RecordResult.Status.RECORDED),
                    batch.stream().map(RecordResult::status).toList());
            assertTrue(Files.isRegularFile(data.resolve("play.db")));

            // The command line, a second process, reads what the running kernel recorded...
            SegueProcess.Result badges = SegueProcess.run(KernelFixture.DIST, work, env, "badges", "--user", "ana");
            assertEquals(0, badges.code(), badges.err());
            assertTrue(badges.out().contains("1 of 9 badges earned by ana"), badges.out());
            assertFalse(badges.err().contains("restricted method"), "bin/segue enables native access: " + badges.err());
            SegueProcess.Result stats = SegueProcess.run(KernelFixture.DIST, work, env, "stats", "--user", "ana");
            assertTrue(stats.out().contains("org.segue.plugin.analyzer.rhythm") && stats.out().contains("1 mixes"), stats.out());

            // ...and records what the kernel then sees, without a restart.
            SegueProcess.Result join = SegueProcess.run(KernelFixture.DIST, work, env, "leaderboard", "join", "Selecta",
                    "--user", "ana");
            assertEquals(0, join.code(), join.err());
            PlayStatistics.LeaderboardPage global = statistics.leaderboard(PlayStatistics.GLOBAL_BOARD, 0, 10);
            assertEquals(List.of(new PlayStatistics.LeaderboardEntry(1, "Selecta", 10)), global.entries(),
                    "one badge, 10 points, under the pseudonym the command line recorded");
            assertEquals(RecordResult.Status.REJECTED, events.record(new UserEvent("bob", UserEventTypes.LEADERBOARD_JOINED,
                    now.plusSeconds(1), Map.of(UserEventTypes.PSEUDONYM, "selecta"))).status(), "taken in the other process");

            PlayStatistics.UserAnalytics ana = statistics.userAnalytics("ana", 5);
            assertEquals(1, ana.mixes());
            assertEquals(1, ana.energySets());
            PlayStatistics.PluginAnalytics rhythm = statistics.pluginAnalytics().stream()
                    .filter(p -> p.plugin().equals("org.segue.plugin.analyzer.rhythm")).findFirst().orElseThrow();
            assertEquals(1, rhythm.uses());
            assertEquals(40.0, rhythm.meanMillis(), 1e-9);
            assertEquals(64.0, rhythm.p95Millis(), "40 ms lies in (32, 64]");
        }
    }
}
