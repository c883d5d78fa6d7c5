package org.segue.api.analysis;

import java.util.Objects;

/**
 * A chord: a root and a quality. "No chord" (silence, drums only) is not a chord; a
 * {@link ChordEvent} expresses it by having none.
 *
 * @param root the root
 * @param quality the quality
 */
public record Chord(PitchClass root, ChordQuality quality) {

    /** Rejects nulls. */
    public Chord {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(quality, "quality");
    }

    /** Lead-sheet notation with sharps, e.g. {@code "F#m7"}, {@code "C"}. */
    public String symbol() {
        return root.sharpName() + quality.symbol();
    }
}
