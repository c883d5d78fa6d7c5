package org.segue.plugin.analyzer.rhythm.internal;

import java.util.Arrays;

/**
 * A growable sequence of fixed-width frames of unsigned bytes: the coarse timbre and chroma
 * vectors the meter detector reads. Bytes, not floats, because these frames are kept for the whole
 * track and their use (comparing bars with one another) needs no more than 8 bits.
 */
final class ByteFrames {

    private final int width;
    private byte[] values;
    private int frames;

    ByteFrames(int width, int initialFrames) {
        this.width = width;
        this.values = new byte[width * Math.max(16, initialFrames)];
    }

    int width() {
        return width;
    }

    int frames() {
        return frames;
    }

    /** Appends one frame; values are clamped to {@code 0..255}. */
    void add(float[] frame) {
        if ((frames + 1) * width > values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        int base = frames * width;
        for (int i = 0; i < width; i++) {
            int q = Math.round(frame[i]);
            values[base + i] = (byte) (q < 0 ? 0 : Math.min(q, 255));
        }
        frames++;
    }

    /** One value, {@code 0..255}. */
    int get(int frame, int index) {
        return values[frame * width + index] & 0xff;
    }
}
