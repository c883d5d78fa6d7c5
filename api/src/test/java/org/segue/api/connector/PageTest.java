package org.segue.api.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageTest {

    private static RemoteTrack track(String id) {
        return new RemoteTrack("jamendo", id, "T", "A", null, 215, null, null, "CC BY 4.0", AudioRights.MIXABLE);
    }

    @Test
    void cursorMarksFurtherPages() {
        List<RemoteTrack> items = new ArrayList<>(List.of(track("1")));
        Page<RemoteTrack> page = new Page<>(items, "offset=1");
        items.add(track("2"));

        assertTrue(page.hasNext());
        assertEquals(List.of(track("1")), page.items());
        assertFalse(new Page<>(List.of(), null).hasNext());
    }

    @Test
    void validatesRemoteItems() {
        assertThrows(IllegalArgumentException.class,
                () -> new RemoteTrack("jamendo", " ", null, null, null, 0, null, null, null, AudioRights.NONE));
        assertThrows(NullPointerException.class,
                () -> new RemoteTrack("jamendo", "1", null, null, null, 0, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new RemoteTrack("jamendo", "1", null, null, null, -3, null, null, null, AudioRights.NONE));
        assertThrows(IllegalArgumentException.class, () -> new RemotePlaylist("subsonic", "p1", "Warm-up", -2));
        assertEquals(-1, new RemotePlaylist("subsonic", "p1", "Warm-up", -1).trackCount());
    }
}
