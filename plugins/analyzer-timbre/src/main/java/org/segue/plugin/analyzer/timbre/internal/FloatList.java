package org.segue.plugin.analyzer.timbre.internal;

import java.util.Arrays;

/**
 * A growable list of floats for a curve whose length is known only at the end of the stream. It
 * is sized from the track length hint, so for files it never grows; for streams it doubles, which
 * allocates a handful of times per hour, never per block.
 */
final class FloatList {

    private float[] values;
    private int size;

    FloatList(int expected) {
        values = new float[Math.max(16, expected)];
    }

    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }

    float get(int index) {
        return values[index];
    }

    void set(int index, float value) {
        values[index] = value;
    }
}
