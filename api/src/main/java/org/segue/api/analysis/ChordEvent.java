package org.segue.api.analysis;

import java.util.Optional;

/**
 * A chord held over a time span, or a span with no chord.
 *
 * <p>"No chord" is a {@code null} chord rather than an {@code Optional} component, so the record
 * stays plain data for JSON and storage; {@link #chordIfAny()} gives the {@code Optional} view.
 *
 * @param startSeconds where the span starts, finite and {@code >= 0}
 * @param endSeconds where it ends, finite and {@code > startSeconds}
 * @param chord the chord, or {@code null} for no chord
 */
public record ChordEvent(double startSeconds, double endSeconds, Chord chord) {

    /** Validates the span. */
    public ChordEvent {
        if (!(startSeconds >= 0 && endSeconds > startSeconds && endSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("need 0 <= start < end < infinity: " + startSeconds + ".." + endSeconds);
        }
    }

    /** A span with no chord. */
    public static ChordEvent noChord(double startSeconds, double endSeconds) {
        return new ChordEvent(startSeconds, endSeconds, null);
    }

    /** True when a chord sounds during the span. */
    public boolean hasChord() {
        return chord != null;
    }

    /** The chord, empty for no chord. */
    public Optional<Chord> chordIfAny() {
        return Optional.ofNullable(chord);
    }
}
