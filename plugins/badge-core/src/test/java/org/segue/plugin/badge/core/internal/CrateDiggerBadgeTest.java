package org.segue.plugin.badge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.BadgeHarness;
import org.segue.api.testkit.BaseBadgeTestCase;

class CrateDiggerBadgeTest extends BaseBadgeTestCase {

    @Override
    protected Badge newBadge() {
        return new CrateDiggerBadge();
    }

    @Override
    protected List<UserEvent> earningHistory(String user) {
        return Events.times(CrateDiggerBadge.TARGET,
                i -> Events.at(user, i, UserEventTypes.TRACK_PLAYED, UserEventTypes.TRACK, "track-" + i));
    }

    @Test
    void aHundredPlaysOfFewTracksAreNotDigging() {
        List<UserEvent> plays = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            plays.add(Events.at("ana", i, UserEventTypes.TRACK_PLAYED, UserEventTypes.TRACK, "track-" + (i % 40)));
        }
        BadgeProgress p = BadgeHarness.replay(newBadge(), "ana", plays);
        assertFalse(p.earned());
        assertEquals(40, p.count());
        assertEquals(0.4, p.fraction(), 1e-12);
    }
}
