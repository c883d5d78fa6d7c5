package org.segue.support.audio;

import java.util.Arrays;

import org.segue.api.audio.AudioBlock;

/**
 * A reusable block of planar samples: allocated once (off the audio thread), then refilled for
 * every block, so the code that hands blocks to analyzers and effects never allocates per block.
 */
public final class PlanarBuffer implements AudioBlock {

    /** The samples, one array per channel, each as long as the capacity. */
    public final float[][] data;
    private final int sampleRate;
    private int frames;
    private long position;

    public PlanarBuffer(int channels, int capacity, int sampleRate) {
        this.data = new float[channels][capacity];
        this.sampleRate = sampleRate;
    }

    /** Marks the first {@code frames} samples of every channel as the block at stream frame {@code position}. */
    public void set(int frames, long position) {
        this.frames = frames;
        this.position = position;
    }

    /** Zeroes the first {@code frames} samples of every channel. */
    public void clear(int frames) {
        for (float[] c : data) {
            Arrays.fill(c, 0, frames, 0f);
        }
    }

    @Override
    public int channelCount() {
        return data.length;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public float[] channel(int index) {
        return data[index];
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
