package org.segue.plugin.stretch.wsola.internal;

import java.util.Arrays;

/**
 * The pitch stage: reads the WSOLA output ("intermediate", stretched by the pitch ratio) at
 * {@code ratio} frames per output frame with a windowed-sinc interpolator, which shifts the pitch by
 * that ratio and brings the duration back to what the speed asks for.
 *
 * <p>Each intermediate frame carries the ratio that was set when its input was put, so a pitch
 * change lands where the input says. At ratio 1 with the read position on a frame the stage is an
 * exact copy (no filtering, no cost); after a pitch excursion returns to 0 the read position glides
 * back onto the frame grid at 0.2 cents, inaudibly, so the copy path resumes.
 *
 * <p>The read position starts {@link SincKernels#maxHalf} frames before the first intermediate frame:
 * that is the stage's latency, and it makes the right edge of the widest kernel line up with the
 * newest frame, so output can follow input frame for frame.
 */
final class Resampler {

    private static final double GLIDE = 1e-4;

    private final SincKernels kernels;
    private final float[][] ring;
    private final float[] ratio;
    private final int mask;
    private final int capacity;
    private final int maxTaps;
    private final int reach;
    private final float[] weights;

    private long written;
    private double position;
    private float lastRatio;
    private int table;

    Resampler(SincKernels kernels, int channels, int capacity) {
        this.kernels = kernels;
        this.capacity = Integer.highestOneBit(capacity - 1) << 1;
        reach = kernels.maxHalf();
        maxTaps = 2 * reach;
        // The first maxTaps frames are mirrored past the end, so every kernel reads one straight run.
        ring = new float[channels][this.capacity + maxTaps];
        ratio = new float[this.capacity];
        mask = this.capacity - 1;
        weights = new float[maxTaps];
    }

    void reset() {
        for (float[] r : ring) {
            Arrays.fill(r, 0);
        }
        Arrays.fill(ratio, 1f);
        written = 0;
        position = -reach;
        lastRatio = 1f;
        table = 0;
    }

    /** Frames of latency this stage adds at ratio 1. */
    int latency() {
        return reach;
    }

    /** Intermediate frames that can be written without overwriting unread ones. */
    int room() {
        long oldest = (long) Math.floor(position) - reach;
        return (int) Math.max(0, capacity - (written - oldest));
    }

    /** The pitch ratio at the read position. */
    float currentRatio() {
        return ratio[(int) ((long) Math.floor(position) & mask)];
    }

    long written() {
        return written;
    }

    double position() {
        return position;
    }

    /** Writes intermediate frame {@code written + k} of channel {@code c}. */
    void write(int c, int k, float v) {
        int i = (int) ((written + k) & mask);
        float[] r = ring[c];
        r[i] = v;
        if (i < maxTaps) {
            r[i + capacity] = v;
        }
    }

    /** Sets the pitch ratio of intermediate frame {@code written + k}. */
    void writeRatio(int k, float r) {
        ratio[(int) ((written + k) & mask)] = r;
    }

    void commit(int frames) {
        written += frames;
    }

    /** Renders as many output frames as the intermediate frames and the output room allow. */
    int render(OutputRing out) {
        int room = out.room();
        int channels = ring.length;
        int produced = 0;
        while (produced < room) {
            long base = (long) Math.floor(position);
            if (base + reach >= written) {
                break;
            }
            double frac = position - base;
            float r = ratio[(int) (base & mask)];
            int slot = out.slot(produced);
            if (r == 1f && frac == 0) {
                int i = (int) (base & mask);
                for (int c = 0; c < channels; c++) {
                    out.channel(c)[slot] = ring[c][i];
                }
                position += 1;
            } else {
                interpolate(base, frac, r, out, slot);
                position = advance(base, frac, r);
            }
            produced++;
        }
        out.commit(produced);
        return produced;
    }

    private void interpolate(long base, double frac, float r, OutputRing out, int slot) {
        if (r != lastRatio) {
            lastRatio = r;
            table = SincKernels.tableFor(r);
        }
        int half = kernels.half(table);
        int taps = 2 * half;
        float[] rows = kernels.rows(table);
        double ph = frac * SincKernels.PHASES;
        int p = (int) ph;
        float t = (float) (ph - p);
        int r0 = p * taps;
        int r1 = r0 + taps;
        for (int k = 0; k < taps; k++) {
            float a = rows[r0 + k];
            weights[k] = a + t * (rows[r1 + k] - a);
        }
        int start = (int) ((base - (half - 1)) & mask);
        for (int c = 0; c < ring.length; c++) {
            float[] x = ring[c];
            float acc = 0;
            for (int k = 0; k < taps; k++) {
                acc += weights[k] * x[start + k];
            }
            out.channel(c)[slot] = acc;
        }
    }

    private double advance(long base, double frac, float r) {
        if (r != 1f) {
            return position + r;
        }
        // Back at ratio 1 between frames: glide onto the grid so the copy path takes over.
        if (frac < 0.5) {
            return frac - GLIDE <= 0 ? base + 1 : position + 1 - GLIDE;
        }
        return frac + GLIDE >= 1 ? base + 2 : position + 1 + GLIDE;
    }
}
