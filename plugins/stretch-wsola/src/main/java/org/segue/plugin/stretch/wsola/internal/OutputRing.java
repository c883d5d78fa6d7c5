package org.segue.plugin.stretch.wsola.internal;

import java.util.Arrays;

/** Finished output frames waiting for {@code take}: a planar FIFO of fixed capacity. */
final class OutputRing {

    private final float[][] audio;
    private final int mask;
    private long read;
    private long write;

    OutputRing(int channels, int capacity) {
        int cap = Integer.highestOneBit(capacity - 1) << 1;
        audio = new float[channels][cap];
        mask = cap - 1;
    }

    void reset() {
        for (float[] a : audio) {
            Arrays.fill(a, 0);
        }
        read = 0;
        write = 0;
    }

    int available() {
        return (int) (write - read);
    }

    int room() {
        return mask + 1 - available();
    }

    /** Ring index of the {@code k}-th frame after the last written one; write, then {@link #commit}. */
    int slot(int k) {
        return (int) ((write + k) & mask);
    }

    float[] channel(int c) {
        return audio[c];
    }

    void commit(int frames) {
        write += frames;
    }

    /** Moves up to {@code frames} frames into {@code out} at {@code offset}; returns how many. */
    int drain(float[][] out, int offset, int frames) {
        int n = Math.min(frames, available());
        int start = (int) (read & mask);
        int first = Math.min(n, mask + 1 - start);
        for (int c = 0; c < audio.length; c++) {
            System.arraycopy(audio[c], start, out[c], offset, first);
            if (first < n) {
                System.arraycopy(audio[c], 0, out[c], offset + first, n - first);
            }
        }
        read += n;
        return n;
    }
}
