package org.segue.api.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.EOFException;

import org.junit.jupiter.api.Test;

class AudioDecodingExceptionTest {

    @Test
    void messageNamesTheSource() {
        AudioDecodingException e = new AudioDecodingException("/music/a.wav", "data chunk truncated");

        assertEquals("/music/a.wav", e.source());
        assertEquals("/music/a.wav: data chunk truncated", e.getMessage());
        assertNull(e.getCause());
        assertInstanceOf(java.io.IOException.class, e);
    }

    @Test
    void keepsTheCause() {
        EOFException cause = new EOFException();
        AudioDecodingException e = new AudioDecodingException("b.flac", "bad frame", cause);

        assertSame(cause, e.getCause());
        assertEquals("b.flac: bad frame", e.getMessage());
    }
}
