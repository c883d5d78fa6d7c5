package org.segue.api.library;

import java.util.Objects;

/**
 * How many hits of a search share one value of a facet, e.g. 42 tracks in genre {@code techno}.
 *
 * @param value the facet value
 * @param count the number of hits with it, {@code >= 0}
 */
public record FacetCount(String value, long count) {

    /** Validates. */
    public FacetCount {
        Objects.requireNonNull(value, "value");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
    }
}
