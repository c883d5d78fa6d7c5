package org.segue.sample.badge.nightowl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.BadgeHarness;

/** The night owl's own rules: what counts as night, progress along the way, time zones, settings. */
class NightOwlBadgeTest {

    private static UserEvent play(String isoInstant) {
        return BadgeHarness.event("ana", UserEventTypes.TRACK_PLAYED, isoInstant, UserEventTypes.TRACK, "t");
    }

    @Test
    void progressCountsNightPlaysOnly() {
        NightOwlBadge badge = new NightOwlBadge(4, 5, "UTC");
        List<UserEvent> events = List.of(play("2026-11-21T00:00:00Z"), play("2026-11-21T04:59:59Z"),
                play("2026-11-21T05:00:00Z"), play("2026-11-21T23:59:00Z"), play("2026-11-22T03:00:00Z"));
        List<BadgeProgress> steps = BadgeHarness.steps(badge, BadgeProgress.initial(NightOwlBadge.ID, "ana"), events);
        assertEquals(List.of(1L, 2L, 2L, 2L, 3L), steps.stream().map(BadgeProgress::count).toList(),
                "midnight and 4:59 count; 5:00 and 23:59 do not");
        assertEquals(0.75, steps.get(4).fraction(), 1e-12, "three of four");
        assertFalse(steps.get(4).earned());
    }

    @Test
    void theFourthNightPlayEarnsItAtThatPlaysTime() {
        NightOwlBadge badge = new NightOwlBadge(4, 5, "UTC");
        List<UserEvent> events = new ArrayList<>();
        for (int night = 1; night <= 6; night++) {
            events.add(play("2026-11-0" + night + "T02:30:00Z"));
        }
        BadgeProgress p = BadgeHarness.replay(badge, "ana", events);
        assertTrue(p.earned());
        assertEquals(Instant.parse("2026-11-04T02:30:00Z"), p.earnedAt());
        assertEquals(4, p.count(), "counting stops once earned");
    }

    @Test
    void nightIsTakenOnTheConfiguredClock() {
        // 23:30 UTC is 0:30 in Berlin (UTC+1 in November) and 18:30 in New York.
        UserEvent lateInLondon = play("2026-11-21T23:30:00Z");
        BadgeProgress none = BadgeProgress.initial(NightOwlBadge.ID, "ana");
        assertEquals(1, new NightOwlBadge(10, 5, "Europe/Berlin").update(none, lateInLondon).count());
        assertEquals(0, new NightOwlBadge(10, 5, "America/New_York").update(none, lateInLondon).count());
        assertEquals(0, new NightOwlBadge(10, 5, "UTC").update(none, lateInLondon).count());
    }

    @Test
    void aBadConfigurationNamesTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NightOwlBadge(0, 5, "UTC"))
                .getMessage().contains("tracks"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NightOwlBadge(10, 13, "UTC"))
                .getMessage().contains("untilHour"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NightOwlBadge(10, 5, "Mars/Olympus"))
                .getMessage().contains("zone is not a time zone: Mars/Olympus"));
    }
}
