package org.segue.api.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackQueryTest {

    @Test
    void textQueryHasDefaults() {
        TrackQuery query = TrackQuery.text("daft punk");

        assertEquals("daft punk", query.text());
        assertNull(query.bpm());
        assertTrue(query.camelotKeys().isEmpty());
        assertEquals(0, query.offset());
        assertEquals(TrackQuery.DEFAULT_LIMIT, query.limit());
    }

    @Test
    void copiesSetsAndValidatesCamelotCodes() {
        Set<String> keys = new HashSet<>(Set.of("8A", "12B"));
        TrackQuery query = new TrackQuery(null, new Range(120, 130), true, keys, null, null, 0, 10);
        keys.add("1A");

        assertEquals(Set.of("8A", "12B"), query.camelotKeys());
        assertEquals("", query.text());
        assertTrue(query.genres().isEmpty());
        for (String bad : new String[] {"8a", "13A", "0B", "8", "1m"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new TrackQuery("", null, false, Set.of(bad), Set.of(), null, 0, 10), bad);
        }
    }

    @Test
    void pagingIsBounded() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrackQuery("", null, false, Set.of(), Set.of(), null, -1, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new TrackQuery("", null, false, Set.of(), Set.of(), null, 0, TrackQuery.MAX_LIMIT + 1));
        assertEquals(0, new TrackQuery("", null, false, Set.of(), Set.of(), null, 0, 0).limit());
    }

    @Test
    void rangesAreClosedAndValidated() {
        Range range = new Range(120, 130);
        assertTrue(range.contains(120));
        assertTrue(range.contains(130));
        assertFalse(range.contains(130.01));
        assertTrue(new Range(Double.NEGATIVE_INFINITY, 5).contains(-1e300));
        assertThrows(IllegalArgumentException.class, () -> new Range(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Range(Double.NaN, 1));
    }
}
