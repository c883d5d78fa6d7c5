package org.segue.plugin.stretch.wsola.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.segue.api.mix.StretchProcessor;

/**
 * Runs a whole signal through a processor the way a deck would, for tests and the benchmark, and
 * keeps the truth needed to check the result: the output time of every input frame.
 */
final class Driver {

    /** The rendered output, and {@code outputTime[x]}: where input frame x should land, in frames. */
    record Result(float[][] audio, int frames, double[] outputTime) {
    }

    private Driver() {
    }

    static StretchProcessor processor(int sampleRate, int channels, int maxFrames) {
        StretchProcessor p = new WsolaStretcher().newProcessor();
        p.prepare(sampleRate, channels, maxFrames);
        return p;
    }

    /** Constant speed and pitch, fixed blocks. */
    static Result render(StretchProcessor p, float[][] in, double speed, double pitch, int block) {
        return render(p, in, t -> speed, pitch, block, null);
    }

    /**
     * Puts {@code in} in blocks (random sizes up to {@code block} when {@code random} is given), setting
     * the speed before each block from {@code speedAt(input seconds)}, taking whatever is available
     * after each put; then flushes with silence.
     */
    static Result render(StretchProcessor p, float[][] in, DoubleUnaryOperator speedAt, double pitch, int block,
            SplittableRandom random) {
        int channels = in.length;
        int n = in[0].length;
        int rate = 44100;
        double[] time = new double[n + 1];
        double minSpeed = 0.5;
        int cap = (int) (n / minSpeed) + 4 * p.latencyFrames() + 100_000;
        float[][] out = new float[channels][cap];
        float[][] silence = new float[channels][block];
        int written = 0;
        int pos = 0;
        double t = p.latencyFrames();
        while (pos < n) {
            int len = random == null ? block : 1 + random.nextInt(block);
            len = Math.min(len, n - pos);
            double speed = speedAt.applyAsDouble(pos / (double) rate);
            p.set(speed, pitch);
            for (int i = 0; i < len; i++) {
                time[pos + i] = t;
                t += 1 / Math.max(0.5, Math.min(2, speed));
            }
            p.put(in, pos, len);
            pos += len;
            written += drain(p, out, written, block);
        }
        time[n] = t;
        int flush = 2 * p.latencyFrames() + 8 * block + 8192;
        for (int f = 0; f < flush; f += block) {
            p.put(silence, 0, block);
            written += drain(p, out, written, block);
        }
        return new Result(out, written, time);
    }

    private static int drain(StretchProcessor p, float[][] out, int at, int block) {
        int total = 0;
        while (p.available() > 0 && at + total + block <= out[0].length) {
            total += p.take(out, at + total, Math.min(block, p.available()));
        }
        return total;
    }

    /** A mono signal with {@code before} and {@code after} seconds of silence around it, as stereo or mono. */
    static float[][] padded(float[] x, int sampleRate, double before, double after, int channels) {
        int a = (int) (before * sampleRate);
        int b = (int) (after * sampleRate);
        float[][] out = new float[channels][a + x.length + b];
        for (float[] c : out) {
            System.arraycopy(x, 0, c, a, x.length);
        }
        return out;
    }

    static float[] slice(float[] x, int from, int to) {
        return Arrays.copyOfRange(x, Math.max(0, from), Math.min(x.length, to));
    }
}
