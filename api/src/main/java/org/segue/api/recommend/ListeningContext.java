package org.segue.api.recommend;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The situation a recommendation is for.
 *
 * @param timeOfDay the listener's local time, or {@code null} when unknown
 * @param mood a free-form mood the user asked for, e.g. {@code "melancholic"}, or {@code null}
 * @param activity what the listener is doing, {@link Activity#ANY} when unknown
 */
public record ListeningContext(LocalTime timeOfDay, String mood, Activity activity) {

    /** Rejects a null activity. */
    public ListeningContext {
        Objects.requireNonNull(activity, "activity");
    }

    /** No known context. */
    public static ListeningContext any() {
        return new ListeningContext(null, null, Activity.ANY);
    }
}
