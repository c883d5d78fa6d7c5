package org.segue.api.library;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page of search hits with facet counts over all hits.
 *
 * @param tracks the hits on this page, best first; copied
 * @param totalHits the number of hits over all pages, {@code >= 0}
 * @param facets facet name ({@link #GENRE}, {@link #KEY}, {@link #SOURCE} or a library's own) to
 *        counts, most frequent first; copied
 */
public record SearchResult(List<Track> tracks, long totalHits, Map<String, List<FacetCount>> facets) {
    /** Facet of the tracks' genres. */
    public static final String GENRE = "genre";
    /** Facet of the tracks' main keys, as Camelot codes. */
    public static final String KEY = "key";
    /** Facet of the tracks' {@link TrackSource#service()}. */
    public static final String SOURCE = "source";

    /** Validates and copies. */
    public SearchResult {
        tracks = List.copyOf(tracks);
        if (totalHits < 0) {
            throw new IllegalArgumentException("totalHits must be >= 0: " + totalHits);
        }
        facets = facets.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
    }
}
