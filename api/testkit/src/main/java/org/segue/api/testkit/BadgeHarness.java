package org.segue.api.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;

/**
 * Feeds a {@link Badge} a user's events the way the host does: in order, from the stored progress
 * ({@link BadgeProgress#initial} for a new user or a replay of the whole log), keeping an earned
 * badge earned whatever later calls return.
 *
 * <p>Example: a badge for five likes is earned at the fifth like:
 * <pre>{@code
 * List<UserEvent> likes = ...;
 * BadgeProgress p = BadgeHarness.replay(new LikesBadge(), "ana", likes);
 * assertEquals(likes.get(4).time(), p.earnedAt());
 * }</pre>
 */
public final class BadgeHarness {

    private BadgeHarness() {
    }

    /** Replays events from no progress and returns the progress after the last. */
    public static BadgeProgress replay(Badge badge, String userId, List<UserEvent> events) {
        return replay(badge, BadgeProgress.initial(badge.descriptor().id(), userId), events);
    }

    /** Continues from stored progress, as the host does after a restart, and returns the progress after the last event. */
    public static BadgeProgress replay(Badge badge, BadgeProgress from, List<UserEvent> events) {
        List<BadgeProgress> steps = steps(badge, from, events);
        return steps.isEmpty() ? from : steps.get(steps.size() - 1);
    }

    /** The progress after each event, in order, from {@code from}. */
    public static List<BadgeProgress> steps(Badge badge, BadgeProgress from, List<UserEvent> events) {
        List<BadgeProgress> steps = new ArrayList<>();
        BadgeProgress current = from;
        for (UserEvent event : events) {
            if (!event.userId().equals(current.userId())) {
                throw new IllegalArgumentException("event of user " + event.userId() + " fed to the progress of " + current.userId());
            }
            BadgeProgress next = badge.update(current, event);
            if (next == null) {
                throw new AssertionError(badge.descriptor().id() + " returned null for " + event);
            }
            // The host's rule: once earned, always earned.
            current = current.earned() ? current : next;
            steps.add(current);
        }
        return steps;
    }

    /**
     * An event, with attributes given as alternating names and values, e.g.
     * {@code event("ana", UserEventTypes.TRACK_PLAYED, "2026-11-26T23:30:00Z", UserEventTypes.TRACK, "t1")}.
     */
    public static UserEvent event(String userId, String type, String isoInstant, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new UserEvent(userId, type, Instant.parse(isoInstant), map);
    }
}
