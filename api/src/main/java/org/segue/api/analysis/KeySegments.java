package org.segue.api.analysis;

import java.util.List;

/**
 * The key changes of a track.
 *
 * <p>A wrapper rather than a bare {@code List<KeySegment>}: a {@link ResultKey} holds a
 * {@code Class}, and {@code List.class} cannot say what the list holds, so the library could not
 * check or restore the element type. The same reason gives {@link ChordProgression} and
 * {@link Structure}.
 *
 * @param segments at least one, the first starting at {@code 0}, starts strictly increasing; copied
 */
public record KeySegments(List<KeySegment> segments) {

    /** Validates and copies. */
    public KeySegments {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.get(0).startSeconds() != 0) {
            throw new IllegalArgumentException("segments must be non-empty and start at 0");
        }
        for (int i = 1; i < segments.size(); i++) {
            if (!(segments.get(i).startSeconds() > segments.get(i - 1).startSeconds())) {
                throw new IllegalArgumentException("segment starts must strictly increase at index " + i);
            }
        }
    }

    /** The key in force at a time (the first segment's key for negative times). */
    public MusicalKey keyAt(double seconds) {
        MusicalKey key = segments.get(0).key();
        for (KeySegment segment : segments) {
            if (segment.startSeconds() > seconds) {
                break;
            }
            key = segment.key();
        }
        return key;
    }
}
