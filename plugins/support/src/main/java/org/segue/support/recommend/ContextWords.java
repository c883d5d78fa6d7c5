package org.segue.support.recommend;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.segue.api.recommend.Activity;
import org.segue.api.recommend.ListeningContext;

/**
 * The words a listener describes the moment with, as {@code segue recommend --context} and the
 * server's {@code context} parameter both take them: comma-separated, case-insensitive; an
 * activity ({@code workout}, {@code focus}, {@code party}, {@code wind-down}, {@code commute},
 * {@code dinner}), a time ({@code morning} 08:00, {@code afternoon} or {@code day} 14:00,
 * {@code evening} 19:00, {@code night} 23:00, or {@code HH:MM}), and at most one other word, the
 * mood. One parser, so the command line and the REST API understand the same words.
 */
public final class ContextWords {

    private ContextWords() {
    }

    /**
     * The context the words describe; {@link ListeningContext#any()} for none.
     *
     * @throws IllegalArgumentException naming the word at fault: two activities or moods, a time
     *         that is not one of the day, or a word that is neither
     */
    public static ListeningContext parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return ListeningContext.any();
        }
        LocalTime time = null;
        Activity activity = Activity.ANY;
        List<String> moods = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String w = raw.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            LocalTime t = switch (w) {
                case "morning" -> LocalTime.of(8, 0);
                case "afternoon", "day" -> LocalTime.of(14, 0);
                case "evening" -> LocalTime.of(19, 0);
                case "night" -> LocalTime.of(23, 0);
                default -> clock(w);
            };
            Activity a = activity(w);
            if (t != null) {
                time = t;
            } else if (a != null) {
                if (activity != Activity.ANY && activity != a) {
                    throw new IllegalArgumentException("one activity at a time: "
                            + activity.name().toLowerCase(Locale.ROOT) + " and " + w);
                }
                activity = a;
            } else if (w.matches("[\\p{L}-]{1,40}")) {
                moods.add(w);
            } else {
                throw new IllegalArgumentException("not a context word: " + raw.strip());
            }
        }
        if (moods.size() > 1) {
            throw new IllegalArgumentException("one mood at a time: " + String.join(", ", moods));
        }
        return new ListeningContext(time, moods.isEmpty() ? null : moods.get(0), activity);
    }

    private static LocalTime clock(String w) {
        if (!w.matches("\\d{1,2}:\\d{2}")) {
            return null;
        }
        String[] hm = w.split(":");
        int h = Integer.parseInt(hm[0]);
        int m = Integer.parseInt(hm[1]);
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException("not a time of day: " + w);
        }
        return LocalTime.of(h, m);
    }

    private static Activity activity(String word) {
        String name = word.replace('-', '_').toUpperCase(Locale.ROOT);
        for (Activity a : Activity.values()) {
            if (a != Activity.ANY && a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
