package org.segue.api.library;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A library search. All given criteria must match; {@code null} ranges and empty sets do not
 * restrict.
 *
 * @param text words to find in artist, title, album and genre; empty for all tracks; never
 *        {@code null} ({@code null} becomes empty)
 * @param bpm the tempo range, or {@code null}
 * @param bpmHalfDouble whether tracks at half or double a tempo in {@code bpm} also match (a 70 BPM
 *        track mixes into a 140 BPM set)
 * @param camelotKeys main keys as upper-case Camelot codes, e.g. {@code 8A}; copied
 * @param genres genres, matched ignoring case; copied
 * @param energy the range of mean energy ({@code 0..1}), or {@code null}
 * @param offset how many hits to skip, {@code >= 0}, for paging
 * @param limit the most tracks to return, {@code 0..}{@value #MAX_LIMIT}; {@code 0} returns only
 *        the hit count and facets
 */
public record TrackQuery(String text, Range bpm, boolean bpmHalfDouble, Set<String> camelotKeys, Set<String> genres,
        Range energy, int offset, int limit) {
    /** The limit {@link #text(String)} uses. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest limit, so one request cannot make the library materialise the whole collection. */
    public static final int MAX_LIMIT = 1000;

    private static final Pattern CAMELOT = Pattern.compile("(?:[1-9]|1[0-2])[AB]");

    /** Validates and copies. */
    public TrackQuery {
        text = text == null ? "" : text;
        camelotKeys = camelotKeys == null ? Set.of() : Set.copyOf(camelotKeys);
        genres = genres == null ? Set.of() : Set.copyOf(genres);
        for (String key : camelotKeys) {
            // A typo such as "8m" would otherwise silently match nothing.
            if (!CAMELOT.matcher(key).matches()) {
                throw new IllegalArgumentException("not an upper-case Camelot code: " + key);
            }
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 0.." + MAX_LIMIT + ": " + limit);
        }
    }

    /** A plain text search returning the first {@value #DEFAULT_LIMIT} hits. */
    public static TrackQuery text(String text) {
        Objects.requireNonNull(text, "text");
        return new TrackQuery(text, null, false, Set.of(), Set.of(), null, 0, DEFAULT_LIMIT);
    }
}
