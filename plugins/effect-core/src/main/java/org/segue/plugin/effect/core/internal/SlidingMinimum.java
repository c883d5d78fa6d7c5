package org.segue.plugin.effect.core.internal;

/**
 * The minimum of the last {@code window} values pushed, in constant amortised time per value: a
 * ring-buffered deque keeps only values that can still become the minimum (each smaller than all
 * after it), so the oldest entry is always the answer.
 */
final class SlidingMinimum {

    private final double[] values;
    private final long[] times;
    private final int window;
    private int head;
    private int size;
    private long time;

    SlidingMinimum(int window) {
        this.window = window;
        values = new double[window];
        times = new long[window];
    }

    void clear() {
        head = 0;
        size = 0;
        time = 0;
    }

    /** Adds a value; returns the minimum of the last {@code window} values (fewer at the start). */
    double push(double value) {
        // Drop the oldest first, so the ring never holds more than the window.
        if (size > 0 && times[head] <= time - window) {
            head = index(1);
            size--;
        }
        while (size > 0 && values[index(size - 1)] >= value) {
            size--;
        }
        int tail = index(size);
        values[tail] = value;
        times[tail] = time;
        size++;
        time++;
        return values[head];
    }

    private int index(int offset) {
        int i = head + offset;
        return i >= window ? i - window : i;
    }
}
