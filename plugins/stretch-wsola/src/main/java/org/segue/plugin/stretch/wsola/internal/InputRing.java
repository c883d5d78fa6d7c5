package org.segue.plugin.stretch.wsola.internal;

import java.util.Arrays;

/**
 * The buffered input, addressed by absolute frame: planar audio plus per-frame lanes the later stages
 * read, all written as the frames arrive so speed and pitch changes apply to "the next input" exactly
 * as {@code StretchProcessor#set} promises.
 *
 * <ul>
 * <li>{@code mono}: the channel average; the similarity search runs on it so every channel gets the
 * same splice (phase-coherent stereo).
 * <li>{@code low}: {@code mono} through two one-pole low-passes at 2 kHz, for the coarse, decimated
 * search (decimating without it would alias the hi-hats into the correlation).
 * <li>{@code rate}: WSOLA output frames per input frame, {@code pitchRatio / speed}.
 * <li>{@code ratio}: the pitch ratio {@code 2^(semitones/12)}.
 * </ul>
 */
final class InputRing {

    private final int channels;
    private final float[][] audio;
    private final float[] mono;
    private final float[] low;
    private final float[] rate;
    private final float[] ratio;
    private final int mask;
    private final float lowCoeff;
    private final OnsetDetector onsets;

    private long end;
    private long keepFrom;
    private float low1;
    private float low2;

    InputRing(StretchParams params, int channels, int capacity) {
        this.channels = channels;
        int cap = Integer.highestOneBit(capacity - 1) << 1;
        audio = new float[channels][cap];
        mono = new float[cap];
        low = new float[cap];
        rate = new float[cap];
        ratio = new float[cap];
        mask = cap - 1;
        lowCoeff = (float) (1 - Math.exp(-2 * Math.PI * 2000.0 / params.sampleRate()));
        onsets = new OnsetDetector(params, cap);
    }

    void reset() {
        for (float[] a : audio) {
            Arrays.fill(a, 0);
        }
        Arrays.fill(mono, 0);
        Arrays.fill(low, 0);
        end = 0;
        keepFrom = 0;
        low1 = 0;
        low2 = 0;
        onsets.reset();
    }

    /** Frames that can be appended without overwriting what the splicer still needs. */
    int room() {
        return (int) Math.max(0, mask + 1 - (end - keepFrom));
    }

    /** The splicer will read nothing before {@code frame} any more. */
    void keepFrom(long frame) {
        keepFrom = Math.max(keepFrom, Math.min(frame, end));
    }

    /** Appends frames; {@code input == null} appends silence. The caller checks {@link #room}. */
    void append(float[][] input, int offset, int frames, float frameRate, float frameRatio) {
        float inv = 1f / channels;
        for (int f = 0; f < frames; f++) {
            int i = (int) (end & mask);
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                float v = input == null ? 0f : input[c][offset + f];
                // Non-finite input would poison every later splice; treat it as silence.
                if (!(Math.abs(v) <= Float.MAX_VALUE)) {
                    v = 0f;
                }
                audio[c][i] = v;
                sum += v;
            }
            float m = sum * inv;
            mono[i] = m;
            low1 += lowCoeff * (m - low1);
            low2 += lowCoeff * (low1 - low2);
            low[i] = low2;
            rate[i] = frameRate;
            ratio[i] = frameRatio;
            onsets.accept(m);
            end++;
        }
    }

    /** One past the last frame appended. */
    long end() {
        return end;
    }

    int mask() {
        return mask;
    }

    int channels() {
        return channels;
    }

    float[] channel(int c) {
        return audio[c];
    }

    float rate(long frame) {
        return rate[(int) (frame & mask)];
    }

    float ratio(long frame) {
        return ratio[(int) (frame & mask)];
    }

    OnsetDetector onsets() {
        return onsets;
    }

    /** Copies {@code n} frames of the mono lane from {@code from} into {@code dst}. */
    void copyMono(long from, int n, float[] dst) {
        copy(mono, from, n, dst);
    }

    /** Copies {@code n} frames of the low-passed mono lane from {@code from} into {@code dst}. */
    void copyLow(long from, int n, float[] dst) {
        copy(low, from, n, dst);
    }

    private void copy(float[] lane, long from, int n, float[] dst) {
        int start = (int) (from & mask);
        int first = Math.min(n, mask + 1 - start);
        System.arraycopy(lane, start, dst, 0, first);
        if (first < n) {
            System.arraycopy(lane, 0, dst, first, n - first);
        }
    }
}
