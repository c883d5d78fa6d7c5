package org.segue.plugin.analyzer.tonal.internal;

/**
 * Downmixes blocks to mono and decimates them by an integer factor to about 11 kHz.
 *
 * <p>Chroma needs nothing above 2-3 kHz, so working at a quarter of 44.1 kHz makes every later
 * step four times cheaper. The factor is the integer nearest {@code rate / 11025}, so the output
 * rate stays within 8.8-14.7 kHz for any input from 22.05 to 192 kHz and the frame length in
 * seconds stays similar. The low-pass is a Blackman-windowed sinc with about 12 taps per unit of
 * factor, evaluated only at the kept samples (polyphase). Its cutoff sits at the output Nyquist:
 * content folded back lands above 3 kHz (outside the chroma band) unless it came from above
 * 0.73 of the output rate, where the filter is past its transition band.
 */
final class Decimator {

    /** The rate chroma is computed at; the actual rate is the input rate over an integer. */
    static final double TARGET_RATE = 11025;

    private final int factor;
    private final float[] taps;
    /** History, written twice (at i and i + length) so each output reads one contiguous run. */
    private final float[] history;
    private int writeIndex;
    private int phase;
    private float[] mono = new float[0];

    Decimator(int inputRate) {
        factor = Math.max(1, (int) Math.round(inputRate / TARGET_RATE));
        int length = factor == 1 ? 1 : 12 * factor + 1;
        taps = new float[length];
        if (length == 1) {
            taps[0] = 1;
        } else {
            double cutoff = 0.5 / factor; // cycles per input sample
            int middle = length / 2;
            double sum = 0;
            double[] h = new double[length];
            for (int i = 0; i < length; i++) {
                int m = i - middle;
                double sinc = m == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
                double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1))
                        + 0.08 * Math.cos(4 * Math.PI * i / (length - 1));
                h[i] = sinc * w;
                sum += h[i];
            }
            for (int i = 0; i < length; i++) {
                taps[i] = (float) (h[i] / sum); // unit gain at DC
            }
        }
        history = new float[2 * length];
    }

    int factor() {
        return factor;
    }

    /** The largest number of outputs {@link #process} can produce from {@code frames} input frames. */
    int maxOutput(int frames) {
        return frames / factor + 1;
    }

    /**
     * Downmixes {@code frames} frames of the planar {@code channels} and writes the decimated mono
     * samples to {@code out}.
     *
     * @return how many samples were written
     */
    int process(float[][] channels, int channelCount, int frames, float[] out) {
        if (mono.length < frames) {
            // Amortised: grows to the host's block size once, then never again.
            mono = new float[Math.max(frames, 2 * mono.length)];
        }
        float[] first = channels[0];
        if (channelCount == 1) {
            System.arraycopy(first, 0, mono, 0, frames);
        } else {
            float scale = 1f / channelCount;
            for (int i = 0; i < frames; i++) {
                mono[i] = first[i];
            }
            for (int c = 1; c < channelCount; c++) {
                float[] x = channels[c];
                for (int i = 0; i < frames; i++) {
                    mono[i] += x[i];
                }
            }
            for (int i = 0; i < frames; i++) {
                mono[i] *= scale;
            }
        }
        int length = taps.length;
        int written = 0;
        for (int i = 0; i < frames; i++) {
            float v = mono[i];
            if (!(v == v)) {
                v = 0; // a NaN would poison every later frame; treat it as silence
            }
            history[writeIndex] = v;
            history[writeIndex + length] = v;
            writeIndex = writeIndex + 1 == length ? 0 : writeIndex + 1;
            if (++phase == factor) {
                phase = 0;
                // history[writeIndex .. writeIndex + length) holds the last samples, oldest first.
                float acc = 0;
                for (int k = 0, j = writeIndex; k < length; k++, j++) {
                    acc += taps[k] * history[j];
                }
                out[written++] = acc;
            }
        }
        return written;
    }
}
