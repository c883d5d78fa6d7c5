package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.play.engine.internal.TestPlay.event;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.play.UserEventTypes;

class AnalyticsTest {

    @Test
    void userNumbersFollowTheEvents() {
        Analytics a = new Analytics();
        for (int i = 0; i < 3; i++) {
            a.apply(event("ana", UserEventTypes.TRACK_PLAYED, i, UserEventTypes.TRACK, "hit", UserEventTypes.BPM, "120",
                    UserEventTypes.KEY, "8a"));
        }
        a.apply(event("ana", UserEventTypes.TRACK_PLAYED, 5, UserEventTypes.TRACK, "b-side", UserEventTypes.BPM, "bogus"));
        a.apply(event("ana", UserEventTypes.TRANSITION_RATED, 6, UserEventTypes.RATING, "0.9"));
        a.apply(event("ana", UserEventTypes.TRANSITION_RATED, 7, UserEventTypes.RATING, "0.5"));
        a.apply(event("ana", UserEventTypes.TRANSITION_RATED, 8, UserEventTypes.RATING, "0.2"));
        // Two sets: one of two tracks (0.2 then 0.8), one of five rising 0.1..0.9 by 0.2.
        a.apply(event("ana", UserEventTypes.MIX_CREATED, 9, UserEventTypes.ENERGIES, "0.2,0.8", UserEventTypes.BPMS, "100,140",
                UserEventTypes.KEYS, "8A,9A"));
        a.apply(event("ana", UserEventTypes.MIX_CREATED, 10, UserEventTypes.ENERGIES, "0.1,0.3,0.5,0.7,0.9"));
        Analytics.User u = a.user("ana");
        assertEquals(List.of(Map.entry("hit", 3), Map.entry("b-side", 1)), u.mostPlayed(5));
        assertEquals(2, u.kept);
        assertEquals(1, u.skipped);
        assertEquals(2, u.mixes);
        double[] curve = u.energyCurve();
        // Tenth i of the two-track set is track (i+0.5)/10*2; of the five-track set (i+0.5)/10*5.
        double[] expected = {0.15, 0.15, 0.25, 0.25, 0.35, 0.65, 0.75, 0.75, 0.85, 0.85};
        assertArrayEquals(expected, curve, 1e-12);
        Analytics.Month march = u.months.get("2026-03");
        assertEquals((3 * 120 + 100 + 140) / 5.0, march.meanBpm(), 1e-12, "a malformed bpm counts as absent");
        assertEquals("8A", march.topKey());
    }

    @Test
    void pluginLatencyAndFailures() {
        Analytics a = new Analytics();
        for (int ms = 1; ms <= 100; ms++) {
            a.apply(event("ana", UserEventTypes.PLUGIN_USED, 0, UserEventTypes.PLUGIN, "p", UserEventTypes.MILLIS,
                    Integer.toString(ms), UserEventTypes.OK, ms % 10 == 0 ? "false" : "true"));
        }
        Analytics.Plugin p = a.plugins().get("p");
        assertEquals(100, p.uses);
        assertEquals(10, p.failures);
        assertEquals(50.5, p.meanMillis(), 1e-12);
        assertEquals(128, p.quantileMillis(0.95), "95 ms lies in the (64, 128] bucket");
        assertEquals(64, p.quantileMillis(0.5), "50 ms lies in (32, 64]");
        assertTrue(Double.isNaN(new Analytics.Plugin().quantileMillis(0.5)));
    }
}
