package org.segue.plugin.analysis.engine.internal;

import org.segue.api.audio.AudioBlock;

/** The one block a track's analysis reuses for every read: allocated once per track, never per block. */
final class PlanarBlock implements AudioBlock {

    final float[][] data;
    private final int sampleRate;
    private int frames;
    private long position;

    PlanarBlock(int channels, int capacity, int sampleRate) {
        this.data = new float[channels][capacity];
        this.sampleRate = sampleRate;
    }

    void set(int frames, long position) {
        this.frames = frames;
        this.position = position;
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
