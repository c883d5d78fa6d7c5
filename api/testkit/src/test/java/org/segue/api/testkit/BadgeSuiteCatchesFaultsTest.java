package org.segue.api.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * {@link BaseBadgeTestCase} must pass a plain, correct badge and fail each fault planted in it, or
 * passing it means nothing.
 */
class BadgeSuiteCatchesFaultsTest {

    enum Fault {
        NONE, READS_THE_CLOCK, KEEPS_STATE, COPIES_FOR_IRRELEVANT_EVENTS, FORGETS_IT_WAS_EARNED, BAD_ID
    }

    /** Three liked tracks earn it. */
    static final class ThreeLikes implements Badge {
        private final Fault fault;
        private long likes; // only read with Fault.KEEPS_STATE

        ThreeLikes(Fault fault) {
            this.fault = fault;
        }

        @Override
        public BadgeDescriptor descriptor() {
            return new BadgeDescriptor(fault == Fault.BAD_ID ? "Three Likes" : "test.badge.likes/1", "Three likes", "Like three tracks");
        }

        @Override
        public BadgeProgress update(BadgeProgress current, UserEvent event) {
            if (current.earned() && fault != Fault.FORGETS_IT_WAS_EARNED) {
                return current;
            }
            if (!UserEventTypes.TRACK_LIKED.equals(event.type())) {
                return fault == Fault.COPIES_FOR_IRRELEVANT_EVENTS
                        ? new BadgeProgress(current.badgeId(), current.userId(), current.fraction(), current.count(), current.earnedAt())
                        : current;
            }
            long count = fault == Fault.KEEPS_STATE ? ++likes : current.count() + 1;
            if (count >= 3) {
                return new BadgeProgress(current.badgeId(), current.userId(), 1, count,
                        fault == Fault.READS_THE_CLOCK ? Instant.now() : event.time());
            }
            return new BadgeProgress(current.badgeId(), current.userId(), count / 3.0, count, null);
        }
    }

    static BaseBadgeTestCase suite(Fault fault) {
        return new BaseBadgeTestCase() {
            @Override
            protected Badge newBadge() {
                return new ThreeLikes(fault);
            }

            @Override
            protected List<UserEvent> earningHistory(String userId) {
                List<UserEvent> events = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    events.add(BadgeHarness.event(userId, UserEventTypes.TRACK_PLAYED, "2026-11-0" + i + "T10:00:00Z"));
                    events.add(BadgeHarness.event(userId, UserEventTypes.TRACK_LIKED, "2026-11-0" + i + "T11:00:00Z",
                            UserEventTypes.TRACK, "t" + i));
                }
                return events;
            }
        };
    }

    static void runAll(BaseBadgeTestCase suite) {
        suite.descriptorIsSane();
        suite.theEarningHistoryEarnsItAtTheLastEventsTime();
        suite.progressIsReportedBeforeTheBadgeIsEarned();
        suite.replaysGiveTheSameProgress();
        suite.anEarnedBadgeIsLeftAloneByLaterEvents();
        suite.eventsThatDoNotMatterReturnTheStoredProgressItself();
    }

    @Test
    void aCorrectBadgePasses() {
        runAll(suite(Fault.NONE));
    }

    @Test
    void everyPlantedFaultIsCaught() {
        for (Fault fault : Fault.values()) {
            if (fault != Fault.NONE) {
                assertThrows(AssertionError.class, () -> runAll(suite(fault)), fault + " passed the suite");
            }
        }
    }
}
