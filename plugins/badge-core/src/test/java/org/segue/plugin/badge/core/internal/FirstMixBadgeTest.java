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

class FirstMixBadgeTest extends BaseBadgeTestCase {

    @Override
    protected Badge newBadge() {
        return new FirstMixBadge();
    }

    @Override
    protected List<UserEvent> earningHistory(String user) {
        return List.of(Events.at(user, 0, UserEventTypes.MIX_CREATED, UserEventTypes.MIX, "m1"));
    }

    @Test
    void playsAndSharesAreNoMixAndTheSecondMixChangesNothing() {
        String u = "ana";
        BadgeProgress p = BadgeHarness.replay(newBadge(), u, List.of(Events.at(u, 0, UserEventTypes.TRACK_PLAYED),
                Events.at(u, 1, UserEventTypes.MIX_SHARED)));
        assertFalse(p.earned());
        List<UserEvent> twice = List.of(Events.at(u, 2, UserEventTypes.MIX_CREATED), Events.at(u, 3, UserEventTypes.MIX_CREATED));
        assertEquals(Events.T0.plusSeconds(120), BadgeHarness.replay(newBadge(), u, twice).earnedAt());
    }
}
