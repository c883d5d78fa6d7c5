package org.segue.plugin.effect.core.internal;

import java.util.Arrays;

/**
 * A circular buffer of one channel's past samples, sized once in {@code prepare}. Read delays are
 * counted from the next write: {@code read(1)} is the sample written last.
 */
final class DelayLine {

    private final float[] buffer;
    private final int mask;
    private int write;

    /** A line that can delay by up to {@code maxDelay} frames. */
    DelayLine(int maxDelay) {
        int size = Integer.highestOneBit(Math.max(4, maxDelay + 2) - 1) << 1;
        buffer = new float[size];
        mask = size - 1;
    }

    /** The longest delay {@link #read} supports. */
    int maxDelay() {
        return buffer.length - 2;
    }

    void clear() {
        Arrays.fill(buffer, 0f);
        write = 0;
    }

    void write(float x) {
        buffer[write] = x;
        write = (write + 1) & mask;
    }

    /** The sample written {@code delay} writes ago, {@code 1 <= delay <= maxDelay()}. */
    float read(int delay) {
        return buffer[(write - delay) & mask];
    }

    /** A fractional delay ({@code >= 1}), linearly interpolated. */
    float read(double delay) {
        int whole = (int) delay;
        float frac = (float) (delay - whole);
        float a = buffer[(write - whole) & mask];
        float b = buffer[(write - whole - 1) & mask];
        return a + frac * (b - a);
    }
}
