package org.segue.plugin.badge.core.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.segue.api.play.BadgeProgress;

/**
 * The rule of badges earned by distinct things (genres, tracks, mixes): the things seen so far are
 * the keys of the progress {@code state} (so a thing seen again, or an event replayed, adds
 * nothing); {@code count} is how many.
 */
final class DistinctBadge {

    private DistinctBadge() {
    }

    /** Adds the non-blank {@code things} (case-insensitive) and counts towards {@code target}. */
    static BadgeProgress add(BadgeProgress current, List<String> things, int target, Instant time) {
        Map<String, String> seen = null;
        for (String t : things) {
            String key = t.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty() || current.state().containsKey(key) || seen != null && seen.containsKey(key)) {
                continue;
            }
            if (seen == null) {
                seen = new HashMap<>(current.state());
            }
            seen.put(key, "");
            if (seen.size() >= target) {
                break;
            }
        }
        if (seen == null) {
            return current;
        }
        return Progress.counted(current, seen.size(), target, time, seen);
    }
}
