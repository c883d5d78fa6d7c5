package org.segue.plugin.badge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.BadgeHarness;
import org.segue.api.testkit.BaseBadgeTestCase;

class HarmonicMasterBadgeTest extends BaseBadgeTestCase {

    /** 8A 9A 10A 10B 11B …: every step a Camelot neighbour or the relative key. */
    static String walk(int start, int transitions) {
        StringBuilder keys = new StringBuilder();
        int n = start;
        char mode = 'A';
        for (int i = 0; i <= transitions; i++) {
            if (i > 0) {
                keys.append(',');
                if (i % 3 == 0) {
                    mode = mode == 'A' ? 'B' : 'A';
                } else {
                    n = n % 12 + 1;
                }
            }
            keys.append(n).append(mode);
        }
        return keys.toString();
    }

    @Override
    protected Badge newBadge() {
        return new HarmonicMasterBadge();
    }

    @Override
    protected List<UserEvent> earningHistory(String user) {
        // 12 transitions, then 8 more in the next mix: the streak carries over.
        return List.of(Events.at(user, 0, UserEventTypes.MIX_CREATED, UserEventTypes.KEYS, walk(8, 12)),
                Events.at(user, 30, UserEventTypes.MIX_CREATED, UserEventTypes.KEYS, walk(3, 8)));
    }

    @Test
    void camelotCompatibility() {
        assertTrue(Camelot.compatible(Camelot.parse("8A"), Camelot.parse("8A")));
        assertTrue(Camelot.compatible(Camelot.parse("8A"), Camelot.parse("9a")));
        assertTrue(Camelot.compatible(Camelot.parse("12B"), Camelot.parse("1B")), "the wheel wraps");
        assertTrue(Camelot.compatible(Camelot.parse("1A"), Camelot.parse("12A")));
        assertTrue(Camelot.compatible(Camelot.parse("5A"), Camelot.parse("5B")), "relative major");
        assertFalse(Camelot.compatible(Camelot.parse("5A"), Camelot.parse("6B")));
        assertFalse(Camelot.compatible(Camelot.parse("5A"), Camelot.parse("7A")));
        assertFalse(Camelot.compatible(Camelot.parse("C major"), Camelot.parse("8B")), "unknown keys never match");
        assertEquals(-1, Camelot.parse("13A"));
    }

    @Test
    void aClashStartsTheStreakAgain() {
        String u = "ana";
        // ok, ok, clash (10A -> 3B), ok (relative), ok (neighbour): a streak of 2.
        BadgeProgress p = BadgeHarness.replay(newBadge(), u,
                List.of(Events.at(u, 0, UserEventTypes.MIX_CREATED, UserEventTypes.KEYS, "8A,9A,10A,3B,3A,4A")));
        assertEquals(2, p.count());
        assertEquals(0.1, p.fraction(), 1e-12);
        // 19 in a row, then a clash at the start of the next mix: back to 0, far from earned.
        BadgeProgress nineteen = BadgeHarness.replay(newBadge(), u,
                List.of(Events.at(u, 0, UserEventTypes.MIX_CREATED, UserEventTypes.KEYS, walk(8, 19))));
        assertEquals(19, nineteen.count());
        BadgeProgress after = BadgeHarness.replay(newBadge(), nineteen,
                List.of(Events.at(u, 5, UserEventTypes.MIX_CREATED, UserEventTypes.KEYS, "1A,7B")));
        assertEquals(0, after.count());
        assertFalse(after.earned());
    }

    @Test
    void aMixWithoutKeysChangesNothing() {
        BadgeProgress p = BadgeHarness.replay(newBadge(), "ana",
                List.of(Events.at("ana", 0, UserEventTypes.MIX_CREATED, UserEventTypes.KEYS, walk(8, 5))));
        assertTrue(p == newBadge().update(p, Events.at("ana", 1, UserEventTypes.MIX_CREATED, UserEventTypes.TRACK_COUNT, "4")));
    }
}
