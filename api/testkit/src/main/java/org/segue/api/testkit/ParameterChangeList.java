package org.segue.api.testkit;

import org.segue.api.effect.ParameterChanges;

/**
 * A reusable {@link ParameterChanges}, preallocated like a host's: {@link #clear()} it, {@link #add}
 * the block's events, pass it to {@code process}. Adding never allocates, so it can drive
 * allocation checks and real-time benchmarks.
 *
 * <p>Events stay sorted by frame offset whatever order they are added in; events at the same
 * offset keep the order they were added in, as the {@link ParameterChanges} contract asks.
 *
 * <p>Example:
 * <pre>{@code
 * ParameterChangeList changes = new ParameterChangeList(16);
 * changes.clear().add(descriptor.indexOf("mid"), 0, -26).add(descriptor.indexOf("mid"), 256, 0);
 * processor.process(block, changes);
 * }</pre>
 */
public final class ParameterChangeList implements ParameterChanges {

    private final int[] indices;
    private final int[] offsets;
    private final double[] values;
    private int size;

    /** A list that holds up to {@code capacity} events per block. */
    public ParameterChangeList(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        indices = new int[capacity];
        offsets = new int[capacity];
        values = new double[capacity];
    }

    /** Removes all events; returns this list. */
    public ParameterChangeList clear() {
        size = 0;
        return this;
    }

    /**
     * Adds an event, keeping the events sorted by offset; returns this list.
     *
     * @throws IllegalStateException when the list is full
     * @throws IllegalArgumentException for a negative offset
     */
    public ParameterChangeList add(int parameterIndex, int frameOffset, double value) {
        if (size == indices.length) {
            throw new IllegalStateException("more than " + indices.length + " events in one block");
        }
        if (frameOffset < 0) {
            throw new IllegalArgumentException("negative frame offset: " + frameOffset);
        }
        int at = size;
        while (at > 0 && offsets[at - 1] > frameOffset) {
            indices[at] = indices[at - 1];
            offsets[at] = offsets[at - 1];
            values[at] = values[at - 1];
            at--;
        }
        indices[at] = parameterIndex;
        offsets[at] = frameOffset;
        values[at] = value;
        size++;
        return this;
    }

    /** The most events one block can hold. */
    public int capacity() {
        return indices.length;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int parameterIndex(int event) {
        return indices[check(event)];
    }

    @Override
    public int frameOffset(int event) {
        return offsets[check(event)];
    }

    @Override
    public double value(int event) {
        return values[check(event)];
    }

    private int check(int event) {
        if (event < 0 || event >= size) {
            throw new IndexOutOfBoundsException(event);
        }
        return event;
    }
}
