package org.segue.api.analysis;

import java.util.Objects;

/**
 * One section of a track.
 *
 * @param startSeconds where it starts, finite and {@code >= 0}
 * @param endSeconds where it ends, finite and {@code > startSeconds}
 * @param label its role
 * @param energy its mean energy, {@code 0..1}, on the scale of {@link StandardResults#ENERGY}
 */
public record StructureSegment(double startSeconds, double endSeconds, SegmentLabel label, double energy) {

    /** Validates. */
    public StructureSegment {
        if (!(startSeconds >= 0 && endSeconds > startSeconds && endSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("need 0 <= start < end < infinity: " + startSeconds + ".." + endSeconds);
        }
        Objects.requireNonNull(label, "label");
        if (!(energy >= 0 && energy <= 1)) {
            throw new IllegalArgumentException("energy must be in [0,1]: " + energy);
        }
    }
}
