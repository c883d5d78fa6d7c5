package org.segue.api.audio;

import java.util.Map;

/**
 * Metadata tags read from an audio file (ID3, Vorbis comments, RIFF INFO…), as found: the values
 * are the file's claims, not analysis results.
 *
 * <p>Immutable. Every field except {@code other} is {@code null} when the file does not have it.
 *
 * @param artist the artist
 * @param title the title
 * @param album the album
 * @param genre the genre, as written in the file
 * @param bpm the tempo tag, positive and finite; decoders drop unusable values (0, garbage)
 *        rather than pass them on
 * @param key the key tag as written, e.g. {@code "Am"} or {@code "8A"}
 * @param other any further tags by their lower-case name; copied, never {@code null}
 */
public record TrackTags(String artist, String title, String album, String genre, Double bpm, String key,
        Map<String, String> other) {

    private static final TrackTags EMPTY = new TrackTags(null, null, null, null, null, null, Map.of());

    /** Validates {@code bpm} and copies {@code other} ({@code null} becomes empty). */
    public TrackTags {
        if (bpm != null && !(bpm > 0 && bpm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bpm must be positive and finite: " + bpm);
        }
        other = other == null ? Map.of() : Map.copyOf(other);
    }

    /** Tags of a file that has none. */
    public static TrackTags empty() {
        return EMPTY;
    }
}
