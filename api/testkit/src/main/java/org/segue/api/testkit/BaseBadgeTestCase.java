package org.segue.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;

/**
 * Conformance suite every {@link Badge} plugin's test extends: the badge is the pure, deterministic
 * function of (stored progress, event) the host relies on. A sane descriptor; a history that earns it
 * does so at one of its events' times (never the clock's); progress stays for the same badge and
 * user; replaying a log gives the same progress whether in one go, resumed from stored progress, on
 * a fresh instance or interleaved with another user's; an earned badge is left alone by later events;
 * and events that do not matter return the stored progress itself, so the host can skip the write.
 * Add the badge's own rules (what counts, what does not) beside these.
 */
public abstract class BaseBadgeTestCase {

    /** A fresh badge, configured as in production. */
    protected abstract Badge newBadge();

    /** A history of one user's events, in time order, that earns the badge (not before its last event). */
    protected abstract List<UserEvent> earningHistory(String userId);

    /**
     * Events of one user, in time order, that must not change any progress; by default events of a
     * type no badge counts.
     */
    protected List<UserEvent> irrelevantEvents(String userId) {
        List<UserEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(new UserEvent(userId, "testkit.irrelevant", Instant.parse("2026-01-0" + (i + 1) + "T12:00:00Z"),
                    Map.of("n", Integer.toString(i))));
        }
        return events;
    }

    private String id() {
        return newBadge().descriptor().id();
    }

    @Test
    public void descriptorIsSane() {
        Badge badge = newBadge();
        BadgeDescriptor d = badge.descriptor();
        assertNotNull(d, "descriptor");
        assertEquals(d, badge.descriptor(), "the same descriptor on every call");
        assertTrue(d.id().matches("[a-z0-9_.-]+/[0-9]+"), "id with a revision, like segue.badge.harmonic/1: " + d.id());
        assertFalse(d.description().isBlank(), "the description says how to earn it: " + d.id());
    }

    @Test
    public void theEarningHistoryEarnsItAtTheLastEventsTime() {
        List<UserEvent> history = earningHistory("ana");
        assertFalse(history.isEmpty(), "earningHistory is empty");
        Badge badge = newBadge();
        List<BadgeProgress> steps = BadgeHarness.steps(badge, BadgeProgress.initial(id(), "ana"), history);
        BadgeProgress last = steps.get(steps.size() - 1);
        assertTrue(last.earned(), "not earned after the earning history: " + last);
        assertEquals(1, last.fraction(), 0, "an earned badge has fraction 1");
        assertEquals(history.get(history.size() - 1).time(), last.earnedAt(),
                "earned at the time of the event that earned it (the last of the history), not the clock's: " + id());
        for (int i = 0; i < steps.size() - 1; i++) {
            assertFalse(steps.get(i).earned(), "earned already at event " + i + " of the earning history: " + id());
        }
        for (BadgeProgress p : steps) {
            assertEquals(id(), p.badgeId(), "progress keeps the badge id");
            assertEquals("ana", p.userId(), "progress keeps the user");
        }
    }

    @Test
    public void progressIsReportedBeforeTheBadgeIsEarned() {
        List<UserEvent> history = earningHistory("ana");
        List<BadgeProgress> steps = BadgeHarness.steps(newBadge(), BadgeProgress.initial(id(), "ana"), history);
        if (steps.size() > 1) {
            BadgeProgress beforeLast = steps.get(steps.size() - 2);
            assertTrue(beforeLast.fraction() > 0 && beforeLast.fraction() < 1,
                    "one event short of the badge, progress shows how far the user is: " + beforeLast);
        }
    }

    @Test
    public void replaysGiveTheSameProgress() {
        List<UserEvent> history = earningHistory("ana");
        BadgeProgress once = BadgeHarness.replay(newBadge(), "ana", history);
        assertEquals(once, BadgeHarness.replay(newBadge(), "ana", history), "a fresh instance, the same replay");
        Badge badge = newBadge();
        for (int split = 0; split <= history.size(); split++) {
            BadgeProgress stored = BadgeHarness.replay(badge, "ana", history.subList(0, split));
            BadgeProgress resumed = BadgeHarness.replay(badge, stored, history.subList(split, history.size()));
            assertEquals(once, resumed, "stored after " + split + " events and resumed: the same as in one go");
        }
        // Two users' events interleaved, as the host may run them on different threads.
        List<UserEvent> bob = earningHistory("bob");
        BadgeProgress a = BadgeProgress.initial(id(), "ana");
        BadgeProgress b = BadgeProgress.initial(id(), "bob");
        for (int i = 0; i < Math.max(history.size(), bob.size()); i++) {
            if (i < history.size()) {
                a = BadgeHarness.replay(badge, a, List.of(history.get(i)));
            }
            if (i < bob.size()) {
                b = BadgeHarness.replay(badge, b, List.of(bob.get(i)));
            }
        }
        assertEquals(once, a, "another user's events in between change nothing");
        assertEquals(BadgeHarness.replay(newBadge(), "bob", bob), b);
    }

    @Test
    public void anEarnedBadgeIsLeftAloneByLaterEvents() {
        List<UserEvent> history = earningHistory("ana");
        Badge badge = newBadge();
        BadgeProgress earned = BadgeHarness.replay(badge, "ana", history);
        Instant after = history.get(history.size() - 1).time().plusSeconds(3600);
        for (UserEvent e : history) {
            // The same kinds of events again, later: they must not move an earned badge.
            UserEvent later = new UserEvent(e.userId(), e.type(), after, e.attributes());
            BadgeProgress next = badge.update(earned, later);
            assertTrue(next.earned() && next.earnedAt().equals(earned.earnedAt()) && next.fraction() == 1,
                    "an earned badge keeps its time and fraction: " + next);
        }
    }

    @Test
    public void eventsThatDoNotMatterReturnTheStoredProgressItself() {
        Badge badge = newBadge();
        List<UserEvent> history = earningHistory("ana");
        List<BadgeProgress> stored = new ArrayList<>();
        stored.add(BadgeProgress.initial(id(), "ana"));
        stored.addAll(BadgeHarness.steps(badge, stored.get(0), history.subList(0, history.size() - 1)));
        for (BadgeProgress p : stored) {
            for (UserEvent e : irrelevantEvents("ana")) {
                assertSame(p, badge.update(p, e), "an event that does not matter returns the stored progress: " + e);
            }
        }
    }
}
