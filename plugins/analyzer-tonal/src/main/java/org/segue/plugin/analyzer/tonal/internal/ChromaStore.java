package org.segue.plugin.analyzer.tonal.internal;

import java.util.Arrays;

/**
 * The chroma frames of a whole track, kept compact so a two-hour mix fits in a few megabytes.
 *
 * <p>Each frame holds a treble and a bass chroma of {@link ChromaExtractor#BINS} bins, quantised
 * to 8 bits relative to the frame's own maximum (the templates and profiles they are compared
 * with care about shape, and 1/255 of the loudest bin is far below their resolution), plus the
 * two maxima and the frame's tonal strength. That is about 80 bytes per frame, 10 frames a second:
 * 2.9 MB per hour. Arrays grow by doubling, so adding a frame allocates only amortised.
 */
final class ChromaStore {

    private static final int BINS = ChromaExtractor.BINS;

    private byte[] treble;
    private byte[] bass;
    private float[] trebleMax;
    private float[] bassMax;
    private float[] strength;
    private int frames;

    ChromaStore(int expectedFrames) {
        int capacity = Math.max(64, expectedFrames);
        treble = new byte[capacity * BINS];
        bass = new byte[capacity * BINS];
        trebleMax = new float[capacity];
        bassMax = new float[capacity];
        strength = new float[capacity];
    }

    int frames() {
        return frames;
    }

    void add(float[] trebleChroma, float[] bassChroma, float frameStrength) {
        if (frames == strength.length) {
            int capacity = 2 * frames;
            treble = Arrays.copyOf(treble, capacity * BINS);
            bass = Arrays.copyOf(bass, capacity * BINS);
            trebleMax = Arrays.copyOf(trebleMax, capacity);
            bassMax = Arrays.copyOf(bassMax, capacity);
            strength = Arrays.copyOf(strength, capacity);
        }
        trebleMax[frames] = quantise(trebleChroma, treble, frames * BINS);
        bassMax[frames] = quantise(bassChroma, bass, frames * BINS);
        strength[frames] = frameStrength;
        frames++;
    }

    float strength(int frame) {
        return strength[frame];
    }

    /** The treble chroma of a frame, in the units it was added in. */
    void treble(int frame, float[] out) {
        restore(treble, trebleMax[frame], frame * BINS, out);
    }

    /** The bass chroma of a frame, in the units it was added in. */
    void bass(int frame, float[] out) {
        restore(bass, bassMax[frame], frame * BINS, out);
    }

    private static float quantise(float[] chroma, byte[] into, int offset) {
        float max = 0;
        for (int i = 0; i < BINS; i++) {
            max = Math.max(max, chroma[i]);
        }
        float scale = max > 0 ? 255 / max : 0;
        for (int i = 0; i < BINS; i++) {
            into[offset + i] = (byte) Math.round(chroma[i] * scale);
        }
        return max;
    }

    private static void restore(byte[] from, float max, int offset, float[] out) {
        float scale = max / 255;
        for (int i = 0; i < BINS; i++) {
            out[i] = (from[offset + i] & 0xff) * scale;
        }
    }
}
