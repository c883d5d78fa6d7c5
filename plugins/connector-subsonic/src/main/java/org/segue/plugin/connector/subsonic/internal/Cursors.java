package org.segue.plugin.connector.subsonic.internal;

/** Paging cursors: the offset of the next page as decimal text, opaque to callers. */
final class Cursors {
    private Cursors() {
    }

    static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // fall through to the message naming the cursor
        }
        throw new IllegalArgumentException("not a Subsonic paging cursor: " + cursor);
    }
}
