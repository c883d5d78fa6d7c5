package org.segue.plugin.badge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.BadgeHarness;
import org.segue.api.testkit.BaseBadgeTestCase;

class GenreExplorerBadgeTest extends BaseBadgeTestCase {

    @Override
    protected Badge newBadge() {
        return new GenreExplorerBadge();
    }

    @Override
    protected List<UserEvent> earningHistory(String user) {
        return List.of(Events.at(user, 0, UserEventTypes.TRACK_PLAYED, UserEventTypes.GENRE, "House"),
                Events.at(user, 1, UserEventTypes.MIX_CREATED, UserEventTypes.GENRES, "techno,house,,Disco,Funk"),
                Events.at(user, 2, UserEventTypes.TRACK_PLAYED, UserEventTypes.GENRE, "DISCO"),
                Events.at(user, 3, UserEventTypes.MIX_CREATED, UserEventTypes.GENRES, "jazz,soul,ambient"),
                Events.at(user, 4, UserEventTypes.TRACK_PLAYED, UserEventTypes.GENRE, "drum and bass"));
    }

    @Test
    void aGenreSeenAgainInAnyCaseCountsOnce() {
        List<UserEvent> h = earningHistory("ana");
        BadgeProgress afterTwo = BadgeHarness.replay(newBadge(), "ana", h.subList(0, 2));
        assertEquals(4, afterTwo.count(), "house, techno, disco, funk; the empty genre is none");
        assertSame(afterTwo, newBadge().update(afterTwo, h.get(2)), "disco again");
        assertSame(afterTwo, newBadge().update(afterTwo, h.get(1)), "the same mix replayed");
        assertEquals(0.5, afterTwo.fraction(), 1e-12);
        assertTrue(afterTwo.state().containsKey("techno"));
    }

    @Test
    void anEarnedBadgeDropsItsMemory() {
        assertTrue(BadgeHarness.replay(newBadge(), "ana", earningHistory("ana")).state().isEmpty());
    }
}
