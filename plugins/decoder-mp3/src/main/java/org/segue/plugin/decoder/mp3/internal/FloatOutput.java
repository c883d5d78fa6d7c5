package org.segue.plugin.decoder.mp3.internal;

import javazoom.jl.decoder.Obuffer;

/**
 * Receives JLayer's synthesis output as floats, before its 16-bit rounding and clipping: one frame
 * of up to 1152 samples per channel, overwritten by each frame.
 */
final class FloatOutput extends Obuffer {
    static final int MAX_SAMPLES = 1152;

    final float[][] samples = new float[2][MAX_SAMPLES];
    final int[] count = new int[2];

    @Override
    public void appendSamples(int channel, float[] f) {
        int n = Math.min(f.length, MAX_SAMPLES - count[channel]);
        System.arraycopy(f, 0, samples[channel], count[channel], n);
        count[channel] += n;
    }

    @Override
    public void append(int channel, short value) {
        if (count[channel] < MAX_SAMPLES) {
            samples[channel][count[channel]++] = value;
        }
    }

    @Override
    public void clear_buffer() {
        count[0] = 0;
        count[1] = 0;
    }

    @Override
    public void write_buffer(int value) {
    }

    @Override
    public void close() {
    }

    @Override
    public void set_stop_flag() {
    }
}
