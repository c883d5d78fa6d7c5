package org.segue.api.analysis;

import java.util.List;

/**
 * The sections of a track (a wrapper for the reason given on {@link KeySegments}).
 *
 * @param segments in time order, not overlapping; copied
 */
public record Structure(List<StructureSegment> segments) {

    /** Validates and copies. */
    public Structure {
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).startSeconds() < segments.get(i - 1).endSeconds()) {
                throw new IllegalArgumentException("segments must be in order and not overlap at index " + i);
            }
        }
    }
}
