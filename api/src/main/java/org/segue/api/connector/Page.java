package org.segue.api.connector;

import java.util.List;

/**
 * One page of results from a service.
 *
 * @param <T> the item type
 * @param items the items; copied
 * @param nextCursor the opaque cursor to pass for the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** True when another page follows. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
