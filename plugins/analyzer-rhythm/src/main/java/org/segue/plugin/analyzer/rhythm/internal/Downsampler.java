package org.segue.plugin.analyzer.rhythm.internal;

import org.segue.api.audio.AudioBlock;

/**
 * The front end: mixes all channels to mono, decimates by an integer factor to about 11 kHz and
 * hands overlapping analysis frames to the {@link OnsetDetector}.
 *
 * <p>Rhythm lives in onsets, not in the top octaves, so analysing at a quarter of 44.1 kHz costs a
 * quarter of the work and loses nothing a beat tracker needs. The anti-alias filter is a plain
 * boxcar average of the {@code factor} input samples: its poor stop band folds some treble back
 * into the upper bands, but folded hi-hats still mark onsets at the right time, which is all the
 * onset envelope needs, and it costs one add per input sample.
 *
 * <p>Allocates only in its constructor and when a larger block than any before arrives.
 */
final class Downsampler {

    /** Rate the decimated signal should approach; the factor is the nearest integer. */
    static final int TARGET_RATE = 11025;

    private final int factor;
    private final int rate;
    private final int channels;
    private final int hop;
    private final float[] frame;
    private final OnsetDetector detector;
    private float[] mono = new float[0];
    private float sum;
    private int summed;
    private int filled;
    private int sinceLastFrame;

    Downsampler(int inputRate, int channels, OnsetDetector detector) {
        this.factor = factorFor(inputRate);
        this.rate = inputRate / factor;
        this.channels = channels;
        this.detector = detector;
        this.hop = detector.hop();
        this.frame = new float[detector.window()];
    }

    static int factorFor(int inputRate) {
        return Math.max(1, (int) Math.round(inputRate / (double) TARGET_RATE));
    }

    /** The decimated rate in Hz (an integer division of the input rate). */
    int rate() {
        return rate;
    }

    void accept(AudioBlock block) {
        int n = block.frames();
        if (n <= 0) {
            return;
        }
        if (mono.length < n) {
            mono = new float[Math.max(n, 2 * mono.length)];
        }
        int count = Math.min(channels, block.channelCount());
        float[] first = block.channel(0);
        System.arraycopy(first, 0, mono, 0, n);
        for (int c = 1; c < count; c++) {
            float[] ch = block.channel(c);
            for (int i = 0; i < n; i++) {
                mono[i] += ch[i];
            }
        }
        float scale = 1f / (factor * count);
        for (int i = 0; i < n; i++) {
            float x = mono[i];
            // Silence a corrupt sample rather than let one NaN poison every later frame.
            sum += Float.isFinite(x) ? x : 0f;
            if (++summed == factor) {
                push(sum * scale);
                sum = 0;
                summed = 0;
            }
        }
    }

    private void push(float sample) {
        if (filled < frame.length) {
            frame[filled++] = sample;
            if (filled == frame.length) {
                nextFrame();
            }
            return;
        }
        frame[frame.length - hop + sinceLastFrame] = sample;
        if (++sinceLastFrame == hop) {
            nextFrame();
            sinceLastFrame = 0;
        }
    }

    /** Analyses the full window, then slides it by one hop (one copy per hop, not per sample). */
    private void nextFrame() {
        detector.process(frame);
        System.arraycopy(frame, hop, frame, 0, frame.length - hop);
    }
}
