package org.segue.plugin.badge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.BadgeHarness;
import org.segue.api.testkit.BaseBadgeTestCase;

/** The curator, plugin author, sharer and marathon badges: the conformance suite and their rules. */
class CountingBadgesTest {

    @Nested
    class Curator extends BaseBadgeTestCase {
        @Override
        protected Badge newBadge() {
            return new CuratorBadge();
        }

        @Override
        protected List<UserEvent> earningHistory(String user) {
            return Events.times(25, i -> Events.at(user, i, UserEventTypes.TRANSITION_RATED, UserEventTypes.MIX, "m",
                    UserEventTypes.RATING, "0.7", UserEventTypes.STYLE, "segue.style.blend/1"));
        }

        @Test
        void twentyFourRatingsAreNotEnough() {
            BadgeProgress p = BadgeHarness.replay(newBadge(), "ana", earningHistory("ana").subList(0, 24));
            assertFalse(p.earned());
            assertEquals(0.96, p.fraction(), 1e-12);
        }
    }

    @Nested
    class PluginAuthor extends BaseBadgeTestCase {
        @Override
        protected Badge newBadge() {
            return new PluginAuthorBadge();
        }

        @Override
        protected List<UserEvent> earningHistory(String user) {
            return List.of(Events.at(user, 0, UserEventTypes.PLUGIN_PUBLISHED, UserEventTypes.PLUGIN, "org.example.reverb"));
        }

        @Test
        void installingIsNotPublishing() {
            assertFalse(BadgeHarness.replay(newBadge(), "ana",
                    List.of(Events.at("ana", 0, UserEventTypes.PLUGIN_INSTALLED, UserEventTypes.PLUGIN, "x"))).earned());
        }
    }

    @Nested
    class Sharer extends BaseBadgeTestCase {
        @Override
        protected Badge newBadge() {
            return new SharerBadge();
        }

        @Override
        protected List<UserEvent> earningHistory(String user) {
            return Events.times(5, i -> Events.at(user, i, UserEventTypes.MIX_SHARED, UserEventTypes.MIX, "mix-" + i));
        }

        @Test
        void sharingOneMixAgainAndAgainCountsOnce() {
            BadgeProgress p = BadgeHarness.replay(newBadge(), "ana",
                    Events.times(10, i -> Events.at("ana", i, UserEventTypes.MIX_SHARED, UserEventTypes.MIX, "mix-1")));
            assertEquals(1, p.count());
        }
    }

    @Nested
    class Marathon extends BaseBadgeTestCase {
        @Override
        protected Badge newBadge() {
            return new MarathonBadge();
        }

        @Override
        protected List<UserEvent> earningHistory(String user) {
            return List.of(Events.at(user, 0, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "3600"),
                    Events.at(user, 200, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "7200.0"));
        }

        @Test
        void shorterMixesAfterALongOneKeepTheBest() {
            BadgeProgress p = BadgeHarness.replay(newBadge(), "ana",
                    List.of(Events.at("ana", 0, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "5400"),
                            Events.at("ana", 1, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "600"),
                            Events.at("ana", 2, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "garbage")));
            assertEquals(5400, p.count());
            assertEquals(0.75, p.fraction(), 1e-12);
        }
    }
}
