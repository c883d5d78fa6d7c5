package org.segue.api.analysis;

import java.util.List;

/**
 * The chords of a track over time (a wrapper for the reason given on {@link KeySegments}).
 *
 * @param events in time order, not overlapping (gaps allowed); copied
 */
public record ChordProgression(List<ChordEvent> events) {

    /** Validates and copies. */
    public ChordProgression {
        events = List.copyOf(events);
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).startSeconds() < events.get(i - 1).endSeconds()) {
                throw new IllegalArgumentException("events must be in order and not overlap at index " + i);
            }
        }
    }
}
