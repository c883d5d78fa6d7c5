package org.segue.plugin.badge.core.internal;

import java.time.Instant;
import java.util.Map;

import org.segue.api.play.BadgeProgress;

/** Builds the next progress of a badge that counts towards a target. */
final class Progress {

    private Progress() {
    }

    /**
     * Progress at {@code count} of {@code target}, earned at {@code time} once reached; {@code current}
     * itself when nothing changed, so the host can skip the write.
     */
    static BadgeProgress counted(BadgeProgress current, long count, long target, Instant time, Map<String, String> state) {
        boolean earned = count >= target;
        double fraction = earned ? 1 : Math.min(count, target) / (double) target;
        // An earned badge forgets its working memory: it is done.
        Map<String, String> kept = earned ? Map.of() : state;
        BadgeProgress next = new BadgeProgress(current.badgeId(), current.userId(), fraction, count, earned ? time : null, kept);
        return next.equals(current) ? current : next;
    }

    static BadgeProgress counted(BadgeProgress current, long count, long target, Instant time) {
        return counted(current, count, target, time, current.state());
    }
}
