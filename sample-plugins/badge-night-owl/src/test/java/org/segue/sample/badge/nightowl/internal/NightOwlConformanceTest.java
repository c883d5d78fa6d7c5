package org.segue.sample.badge.nightowl.internal;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.play.Badge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.BadgeHarness;
import org.segue.api.testkit.BaseBadgeTestCase;

/**
 * Segue's conformance suite for badges, run on the night owl: earned at the right event, the same on
 * every replay, left alone once earned, unmoved by events that do not count. The tests are
 * inherited; this class only says how to earn the badge.
 */
class NightOwlConformanceTest extends BaseBadgeTestCase {

    @Override
    protected Badge newBadge() {
        return new NightOwlBadge(10, 5, "UTC");
    }

    /** A play at 1 am and one at noon on each of ten days, in time order: the tenth night play earns it. */
    @Override
    protected List<UserEvent> earningHistory(String userId) {
        List<UserEvent> events = new ArrayList<>();
        for (int day = 10; day < 20; day++) {
            events.add(BadgeHarness.event(userId, UserEventTypes.TRACK_PLAYED, "2026-11-" + day + "T01:00:00Z",
                    UserEventTypes.TRACK, "night-" + day));
            if (day < 19) { // the last event of the history is the one that earns it
                events.add(BadgeHarness.event(userId, UserEventTypes.TRACK_PLAYED, "2026-11-" + day + "T12:00:00Z",
                        UserEventTypes.TRACK, "day-" + day));
            }
        }
        return events;
    }

    /** Daytime plays and other kinds of event at night: none of them count. */
    @Override
    protected List<UserEvent> irrelevantEvents(String userId) {
        return List.of(
                BadgeHarness.event(userId, UserEventTypes.TRACK_PLAYED, "2026-11-22T05:00:00Z", UserEventTypes.TRACK, "t"),
                BadgeHarness.event(userId, UserEventTypes.TRACK_PLAYED, "2026-11-22T23:59:59Z", UserEventTypes.TRACK, "t"),
                BadgeHarness.event(userId, UserEventTypes.TRACK_LIKED, "2026-11-23T02:00:00Z", UserEventTypes.TRACK, "t"),
                BadgeHarness.event(userId, UserEventTypes.MIX_CREATED, "2026-11-23T03:00:00Z", UserEventTypes.MIX, "m"));
    }
}
