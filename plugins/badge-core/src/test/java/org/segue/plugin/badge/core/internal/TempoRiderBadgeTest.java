package org.segue.plugin.badge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.BadgeHarness;
import org.segue.api.testkit.BaseBadgeTestCase;

class TempoRiderBadgeTest extends BaseBadgeTestCase {

    @Override
    protected Badge newBadge() {
        return new TempoRiderBadge();
    }

    @Override
    protected List<UserEvent> earningHistory(String user) {
        return List.of(Events.at(user, 0, UserEventTypes.MIX_CREATED, UserEventTypes.BPMS, "100,105,110,115,120,125"),
                Events.at(user, 60, UserEventTypes.MIX_CREATED, UserEventTypes.BPMS, "90,95,100,106,112,118,124,130,126"));
    }

    @Test
    void aJumpIsNoRamp() {
        // 90 -> 130 in one jump: span 40 but not smooth; the smooth runs span 10 and 12.
        BadgeProgress p = BadgeHarness.replay(newBadge(), "ana",
                List.of(Events.at("ana", 0, UserEventTypes.MIX_CREATED, UserEventTypes.BPMS, "90,95,100,130,136,142")));
        assertFalse(p.earned());
        assertEquals(12, p.count());
        assertEquals(0.3, p.fraction(), 1e-12);
    }

    @Test
    void widestSmoothSpan() {
        assertEquals(39.5, TempoRiderBadge.widestSmoothSpan(Lists.of("120,126,120,114,108,102,96,90,86.5")), 1e-12);
        assertEquals(0, TempoRiderBadge.widestSmoothSpan(Lists.of("")), 0);
        assertEquals(5, TempoRiderBadge.widestSmoothSpan(Lists.of("100,x,120,125")), 1e-12, "an unknown tempo breaks the ramp");
    }

    @Test
    void theBestSetSoFarIsKept() {
        List<UserEvent> events = List.of(Events.at("ana", 0, UserEventTypes.MIX_CREATED, UserEventTypes.BPMS, "100,106,112,118"),
                Events.at("ana", 1, UserEventTypes.MIX_CREATED, UserEventTypes.BPMS, "120,121"));
        assertEquals(18, BadgeHarness.replay(newBadge(), "ana", events).count());
    }
}
