package org.segue.api.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AudioFormatTest {

    @Test
    void acceptsUsualAndLimitFormats() {
        assertEquals(44_100, new AudioFormat(44_100, 2).sampleRate());
        assertEquals(1, new AudioFormat(1, 1).channels());
        assertEquals(AudioFormat.MAX_CHANNELS,
                new AudioFormat(AudioFormat.MAX_SAMPLE_RATE, AudioFormat.MAX_CHANNELS).channels());
    }

    @Test
    void rejectsEmptyAndAbsurdFormats() {
        assertThrows(IllegalArgumentException.class, () -> new AudioFormat(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new AudioFormat(-44_100, 2));
        assertThrows(IllegalArgumentException.class, () -> new AudioFormat(44_100, 0));
        assertThrows(IllegalArgumentException.class, () -> new AudioFormat(44_100, -1));
        assertThrows(IllegalArgumentException.class, () -> new AudioFormat(AudioFormat.MAX_SAMPLE_RATE + 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new AudioFormat(44_100, 65_535));
    }
}
