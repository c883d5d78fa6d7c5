package org.segue.plugin.stretch.wsola.internal;

/**
 * Quality measures for the rubberband comparison.
 *
 * <p>THD+N of a sine: least-squares fit of a sine at the measured frequency (plus DC) over a steady
 * stretch; everything the fit leaves is distortion and noise, as dB below the fitted tone.
 *
 * <p>Spectral-envelope distance: band levels (32 log-spaced bands, 60 Hz to 16 kHz, 2048-point Hann
 * frames every 1024 frames) of the output against the input frame that should be playing at that time
 * (input time = output time x speed), as the RMS of the dB differences over the bands, averaged over
 * the frames in which the input is not silent. It is blind to a pure time shift of under a frame and
 * to phase, and sees smearing, doubled attacks, dropouts, comb filtering and level changes. Lower is
 * better; stretching cannot reach 0, since the same bar is now longer.
 */
final class Quality {

    private static final int N = 2048;
    private static final int HOP = 1024;
    private static final int BANDS = 32;

    private Quality() {
    }

    static double thdPlusNoiseDb(float[] x, int from, int to, double frequency, int rate) {
        double w = 2 * Math.PI * frequency / rate;
        double ss = 0, sc = 0, cc = 0, s1 = 0, c1 = 0, xs = 0, xc = 0, x1 = 0;
        int n = to - from;
        for (int i = from; i < to; i++) {
            double s = Math.sin(w * i), c = Math.cos(w * i);
            ss += s * s; sc += s * c; cc += c * c; s1 += s; c1 += c;
            xs += x[i] * s; xc += x[i] * c; x1 += x[i];
        }
        double[] sol = solve3(new double[][] {{ss, sc, s1}, {sc, cc, c1}, {s1, c1, n}}, new double[] {xs, xc, x1});
        double fit = 0, residual = 0;
        for (int i = from; i < to; i++) {
            double f = sol[0] * Math.sin(w * i) + sol[1] * Math.cos(w * i) + sol[2];
            fit += f * f;
            residual += (x[i] - f) * (x[i] - f);
        }
        return 10 * Math.log10(residual / fit);
    }

    private static double[] solve3(double[][] a, double[] b) {
        for (int p = 0; p < 3; p++) {
            for (int r = p + 1; r < 3; r++) {
                double f = a[r][p] / a[p][p];
                for (int c = p; c < 3; c++) {
                    a[r][c] -= f * a[p][c];
                }
                b[r] -= f * b[p];
            }
        }
        double[] x = new double[3];
        for (int r = 2; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < 3; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /** Band levels in dB per frame: [frame][band]. */
    static double[][] bands(float[] x, int frames, int rate) {
        int count = Math.max(0, (frames - N) / HOP + 1);
        double[][] out = new double[count][BANDS];
        int[] edges = new int[BANDS + 1];
        for (int b = 0; b <= BANDS; b++) {
            double f = 60 * Math.pow(16000 / 60.0, b / (double) BANDS);
            edges[b] = Math.max(1, (int) Math.round(f * N / rate));
        }
        double[] re = new double[N];
        double[] im = new double[N];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < N; i++) {
                double win = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N);
                re[i] = x[k * HOP + i] * win;
                im[i] = 0;
            }
            fft(re, im);
            for (int b = 0; b < BANDS; b++) {
                double e = 1e-12;
                for (int i = edges[b]; i < Math.max(edges[b] + 1, edges[b + 1]); i++) {
                    e += re[i] * re[i] + im[i] * im[i];
                }
                out[k][b] = 10 * Math.log10(e);
            }
        }
        return out;
    }

    /** Mean envelope distance in dB; {@code offset} output frames come before the output's time zero. */
    static double envelopeDistance(float[] in, float[] out, int outFrames, int offset, double speed, int rate) {
        double[][] a = bands(in, in.length, rate);
        double[][] b = bands(out, outFrames, rate);
        double sum = 0;
        int used = 0;
        int skip = rate / HOP;
        for (int k = skip; k < b.length - skip; k++) {
            double tOut = (k * HOP - offset) / (double) rate;
            int j = (int) Math.round(tOut * speed * rate / HOP);
            if (j < skip || j >= a.length - skip) {
                continue;
            }
            double loud = 0;
            for (double v : a[j]) {
                loud = Math.max(loud, v);
            }
            if (loud < -40) {
                continue;
            }
            double d = 0;
            for (int band = 0; band < BANDS; band++) {
                double diff = Math.max(a[j][band], loud - 80) - Math.max(b[k][band], loud - 80);
                d += diff * diff;
            }
            sum += Math.sqrt(d / BANDS);
            used++;
        }
        return sum / Math.max(1, used);
    }

    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(ang * k), wi = Math.sin(ang * k);
                    int p = i + k, q = i + k + len / 2;
                    double xr = re[q] * wr - im[q] * wi, xi = re[q] * wi + im[q] * wr;
                    re[q] = re[p] - xr; im[q] = im[p] - xi;
                    re[p] += xr; im[p] += xi;
                }
            }
        }
    }
}
