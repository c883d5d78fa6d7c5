package org.segue.api.testkit;

import org.segue.api.audio.AudioBlock;

/**
 * A reusable planar {@link AudioBlock}: allocated once with a capacity, refilled for every block,
 * as a host does it (so analyzers that wrongly keep a reference to a block are caught by tests).
 */
public final class BlockBuffer implements AudioBlock {

    private final float[][] channels;
    private final int sampleRate;
    private int frames;
    private long position;

    public BlockBuffer(int channelCount, int capacity, int sampleRate) {
        if (channelCount < 1 || capacity < 1 || sampleRate < 1) {
            throw new IllegalArgumentException("channels, capacity and sample rate must be positive");
        }
        this.channels = new float[channelCount][capacity];
        this.sampleRate = sampleRate;
    }

    /**
     * Copies {@code count} frames starting at {@code offset} of {@code source} (planar) into this
     * block, which then starts at stream frame {@code offset}.
     */
    public BlockBuffer fill(float[][] source, int offset, int count) {
        if (count > channels[0].length) {
            throw new IllegalArgumentException("block of " + count + " exceeds capacity " + channels[0].length);
        }
        for (int c = 0; c < channels.length; c++) {
            System.arraycopy(source[c], offset, channels[c], 0, count);
        }
        this.frames = count;
        this.position = offset;
        return this;
    }

    /** Overwrites the whole capacity with NaN: a stale reference an analyzer kept shows up at once. */
    public void poison() {
        for (float[] ch : channels) {
            java.util.Arrays.fill(ch, Float.NaN);
        }
    }

    @Override
    public int channelCount() {
        return channels.length;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public float[] channel(int index) {
        return channels[index];
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }
}
