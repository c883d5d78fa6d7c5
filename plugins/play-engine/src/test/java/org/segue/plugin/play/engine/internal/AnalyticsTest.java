package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.play.engine.internal.TestPlay.event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.PlayStatistics.Count;
import org.segue.api.play.PlayStatistics.MonthStats;
import org.segue.api.play.PlayStatistics.PluginAnalytics;
import org.segue.api.play.PlayStatistics.UserAnalytics;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** The analytics tables against numbers worked out by hand, read back through PlayStatistics. */
class AnalyticsTest {

    @TempDir
    Path dir;
    PlayEngine engine;

    @BeforeEach
    void open() throws IOException {
        engine = new PlayEngine();
        engine.open(dir, 1000, 100);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void userNumbersFollowTheEvents() {
        List<UserEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event("ana", UserEventTypes.TRACK_PLAYED, i, UserEventTypes.TRACK, "hit", UserEventTypes.BPM, "120",
                    UserEventTypes.KEY, "8a"));
        }
        events.add(event("ana", UserEventTypes.TRACK_PLAYED, 5, UserEventTypes.TRACK, "b-side", UserEventTypes.BPM, "bogus"));
        events.add(event("ana", UserEventTypes.TRANSITION_RATED, 6, UserEventTypes.RATING, "0.9"));
        events.add(event("ana", UserEventTypes.TRANSITION_RATED, 7, UserEventTypes.RATING, "0.5"));
        events.add(event("ana", UserEventTypes.TRANSITION_RATED, 8, UserEventTypes.RATING, "0.2"));
        // Two sets: one of two tracks (0.2 then 0.8), one of five rising 0.1..0.9 by 0.2.
        events.add(event("ana", UserEventTypes.MIX_CREATED, 9, UserEventTypes.ENERGIES, "0.2,0.8", UserEventTypes.BPMS, "100,140",
                UserEventTypes.KEYS, "8A,9A"));
        events.add(event("ana", UserEventTypes.MIX_CREATED, 10, UserEventTypes.ENERGIES, "0.1,0.3,0.5,0.7,0.9"));
        // April: one play in 9A; and another user, who must not leak into ana's numbers.
        events.add(new UserEvent("ana", UserEventTypes.TRACK_PLAYED, TestPlay.T0.plusSeconds(31L * 86400),
                java.util.Map.of(UserEventTypes.TRACK, "hit", UserEventTypes.BPM, "128", UserEventTypes.KEY, "9A")));
        events.add(event("bob", UserEventTypes.TRACK_PLAYED, 1, UserEventTypes.TRACK, "other", UserEventTypes.BPM, "90"));
        engine.recordAll(events.subList(0, 4));
        events.subList(4, events.size()).forEach(engine::record);

        UserAnalytics u = engine.statistics().userAnalytics("ana", 5);
        assertEquals(List.of(new Count("hit", 4), new Count("b-side", 1)), u.mostPlayed());
        assertEquals(List.of(new Count("hit", 4)), engine.statistics().userAnalytics("ana", 1).mostPlayed());
        assertEquals(2, u.transitionsKept());
        assertEquals(1, u.transitionsSkipped());
        assertEquals(2, u.mixes());
        assertEquals(2, u.energySets());
        // Tenth i of the two-track set is track (i+0.5)/10*2; of the five-track set (i+0.5)/10*5.
        double[] expected = {0.15, 0.15, 0.25, 0.25, 0.35, 0.65, 0.75, 0.75, 0.85, 0.85};
        assertEquals(expected.length, u.energyCurve().size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], u.energyCurve().get(i), 1e-12, "tenth " + i);
        }
        assertEquals(2, u.months().size());
        MonthStats march = u.months().get(0);
        assertEquals("2026-03", march.month());
        assertEquals((3 * 120 + 100 + 140) / 5.0, march.meanBpm(), 1e-12, "a malformed bpm counts as absent");
        assertEquals(List.of(new Count("8A", 4), new Count("9A", 1)), march.keys(), "keys upper-cased, most used first");
        assertEquals(new MonthStats("2026-04", 128, List.of(new Count("9A", 1))), u.months().get(1));
        UserAnalytics nobody = engine.statistics().userAnalytics("nobody", 5);
        assertEquals(new UserAnalytics("nobody", 0, 0, 0, List.of(), List.of(), 0, List.of()), nobody);
    }

    @Test
    void pluginLatencyAndFailures() {
        List<UserEvent> uses = new ArrayList<>();
        for (int ms = 1; ms <= 100; ms++) {
            uses.add(event("ana", UserEventTypes.PLUGIN_USED, 0, UserEventTypes.PLUGIN, "p", UserEventTypes.MILLIS,
                    Integer.toString(ms), UserEventTypes.OK, ms % 10 == 0 ? "false" : "true"));
        }
        uses.add(event("ana", UserEventTypes.PLUGIN_USED, 0, UserEventTypes.PLUGIN, "q", UserEventTypes.MILLIS, "0.5"));
        engine.recordAll(uses);
        List<PluginAnalytics> all = engine.statistics().pluginAnalytics();
        assertEquals(List.of("p", "q"), all.stream().map(PluginAnalytics::plugin).toList(), "most used first");
        PluginAnalytics p = all.get(0);
        assertEquals(100, p.uses());
        assertEquals(10, p.failures());
        assertEquals(50.5, p.meanMillis(), 1e-12);
        assertEquals(128, p.p95Millis(), "95 ms lies in the (64, 128] bucket");
        // Buckets: [0,1] 1 use, (1,2] 1, (2,4] 2, (4,8] 4, (8,16] 8, (16,32] 16, (32,64] 32, (64,128] 36.
        assertEquals(List.of(1L, 1L, 2L, 4L, 8L, 16L, 32L, 36L), p.latencyBuckets());
        assertEquals(64, Analytics.quantile(p.latencyBuckets(), 0.5), "50 ms lies in (32, 64]");
        assertTrue(Double.isNaN(Analytics.quantile(List.of(0L, 0L), 0.5)));
        assertEquals(List.of(1L), all.get(1).latencyBuckets());
    }
}
