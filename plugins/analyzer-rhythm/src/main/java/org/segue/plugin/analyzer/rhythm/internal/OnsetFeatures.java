package org.segue.plugin.analyzer.rhythm.internal;

/**
 * Everything the task keeps of a track: compact features, never audio. At about 172 frames per
 * second the four onset envelopes take 2.7 KB per second of audio and the timbre frames (16 bytes at a
 * quarter of that rate) 0.7 KB, so two hours of music need about 25 MB.
 */
final class OnsetFeatures {

    /** Width of a timbre frame: 12 chroma classes, then {@value #BANDS} broad band levels. */
    static final int CHROMA = 12;
    static final int BANDS = 4;

    /** Onset frames per second. */
    final double fps;
    /** Time of onset frame 0 in seconds (the centre of the first analysis window). */
    final double startSeconds;
    /** Onset frames per timbre frame. */
    final int timbreStride;
    /** Spectral flux summed over all bands. */
    final FloatBuffer onset;
    /** Spectral flux of the lowest band (below about 170 Hz): kick drums and bass notes. */
    final FloatBuffer lowOnset;
    /** Spectral flux above about 1.4 kHz: snares, claps, hats; the backbeat lives here. */
    final FloatBuffer highOnset;
    /**
     * Rise of the amplitude between 40 and 150 Hz, uncompressed: kick drums, well above the bass
     * notes that share the range. Unlike the other envelopes its scale is the signal's own.
     */
    final FloatBuffer kickOnset;
    /** Chroma and band levels, quantised; see {@link OnsetDetector}. */
    final ByteFrames timbre;

    OnsetFeatures(double fps, double startSeconds, int timbreStride, long expectedFrames) {
        this.fps = fps;
        this.startSeconds = startSeconds;
        this.timbreStride = timbreStride;
        int initial = (int) Math.min(1 << 20, Math.max(1024, expectedFrames + 16));
        onset = new FloatBuffer(initial);
        lowOnset = new FloatBuffer(initial);
        highOnset = new FloatBuffer(initial);
        kickOnset = new FloatBuffer(initial);
        timbre = new ByteFrames(CHROMA + BANDS, initial / timbreStride + 16);
    }

    int frames() {
        return onset.size();
    }

    double timeOf(double frame) {
        return startSeconds + frame / fps;
    }

    double frameAt(double seconds) {
        return (seconds - startSeconds) * fps;
    }
}
