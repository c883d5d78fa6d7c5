package org.segue.plugin.mix.engine.internal;

import org.segue.api.effect.ParameterChanges;

/** Parameter events of one block, in preallocated arrays reused every block. */
final class Changes implements ParameterChanges {

    private final int[] index;
    private final int[] offset;
    private final double[] value;
    private int size;

    Changes(int capacity) {
        index = new int[capacity];
        offset = new int[capacity];
        value = new double[capacity];
    }

    void clear() {
        size = 0;
    }

    /** Adds an event; events beyond the capacity are dropped (the capacity is the parameter count). */
    void add(int parameter, int frameOffset, double v) {
        if (size < index.length) {
            index[size] = parameter;
            offset[size] = frameOffset;
            value[size] = v;
            size++;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int parameterIndex(int event) {
        return index[event];
    }

    @Override
    public int frameOffset(int event) {
        return offset[event];
    }

    @Override
    public double value(int event) {
        return value[event];
    }
}
