package org.segue.support.dsp;

import java.util.Arrays;

/**
 * A growable list of floats for a curve whose length is known only at the end of the stream. It
 * is sized from the track length hint, so for files it never grows; for streams it doubles, which
 * allocates a handful of times per hour, never per block.
 */
public final class FloatList {

    private float[] values;
    private int size;

    public FloatList(int expected) {
        values = new float[Math.max(16, expected)];
    }

    public void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public float[] toArray() {
        return Arrays.copyOf(values, size);
    }

    public float get(int index) {
        return values[index];
    }

    public void set(int index, float value) {
        values[index] = value;
    }
}
