package org.segue.plugin.mix.engine.internal;

import org.segue.api.audio.AudioBlock;

/** A deck's or the master's reusable block of planar samples, allocated once per render. */
final class StereoBlock implements AudioBlock {

    final float[][] data;
    private final int sampleRate;
    private int frames;
    private long position;

    StereoBlock(int channels, int capacity, int sampleRate) {
        this.data = new float[channels][capacity];
        this.sampleRate = sampleRate;
    }

    void set(int frames, long position) {
        this.frames = frames;
        this.position = position;
    }

    void clear(int frames) {
        for (float[] c : data) {
            java.util.Arrays.fill(c, 0, frames, 0f);
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
