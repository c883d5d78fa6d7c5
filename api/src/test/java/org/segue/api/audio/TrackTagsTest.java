package org.segue.api.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrackTagsTest {

    @Test
    void copiesOtherTags() {
        Map<String, String> other = new HashMap<>(Map.of("isrc", "GBAYE0601498"));
        TrackTags tags = new TrackTags("Artist", "Title", null, "techno", 128.0, "8A", other);
        other.put("label", "changed");

        assertEquals(Map.of("isrc", "GBAYE0601498"), tags.other());
        assertThrows(UnsupportedOperationException.class, () -> tags.other().put("x", "y"));
    }

    @Test
    void emptyHasNothing() {
        TrackTags empty = TrackTags.empty();
        assertNull(empty.artist());
        assertNull(empty.bpm());
        assertTrue(empty.other().isEmpty());
        assertTrue(new TrackTags(null, null, null, null, null, null, null).other().isEmpty());
    }

    @Test
    void rejectsUnusableBpm() {
        assertThrows(IllegalArgumentException.class, () -> new TrackTags(null, null, null, null, 0.0, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new TrackTags(null, null, null, null, Double.NaN, null, null));
    }
}
