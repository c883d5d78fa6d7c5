package org.segue.api.audio;

/**
 * The shape of a PCM stream: sample rate and channel count. Samples are always {@code float} in
 * {@code [-1, 1]}, planar, so no sample encoding or byte order appears here.
 *
 * <p>The upper limits exist because decoders build this record from file headers: a corrupt header
 * claiming 40,000 channels must fail here, not allocate 40,000 buffers further on.
 *
 * @param sampleRate frames per second, {@code 1..}{@value #MAX_SAMPLE_RATE}
 * @param channels channels per frame, {@code 1..}{@value #MAX_CHANNELS}
 */
public record AudioFormat(int sampleRate, int channels) {
    /** Highest accepted sample rate (8 × 96 kHz, the highest PCM rate in common use). */
    public static final int MAX_SAMPLE_RATE = 768_000;
    /** Highest accepted channel count (the Opus and Ogg limit; more than any music file carries). */
    public static final int MAX_CHANNELS = 255;

    /** Validates the ranges. */
    public AudioFormat {
        if (sampleRate <= 0 || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sampleRate out of range 1.." + MAX_SAMPLE_RATE + ": " + sampleRate);
        }
        if (channels <= 0 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels out of range 1.." + MAX_CHANNELS + ": " + channels);
        }
    }
}
