package org.segue.plugin.analyzer.rhythm.internal;

import java.util.Arrays;

/**
 * A growable array of floats: the feature frames of a track. Growth doubles the capacity, so
 * appending is amortised allocation-free, and it never boxes.
 */
final class FloatBuffer {

    private float[] values;
    private int size;

    FloatBuffer(int initialCapacity) {
        values = new float[Math.max(16, initialCapacity)];
    }

    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    float get(int index) {
        return values[index];
    }

    /** The backing array, valid up to {@link #size()}; for read-only bulk access. */
    float[] array() {
        return values;
    }
}
