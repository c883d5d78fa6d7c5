package org.segue.plugin.analyzer.timbre.internal;

/**
 * Power spectrum of a real frame of power-of-two length {@code n}: a complex radix-2 FFT of
 * {@code n/2} points over the even and odd samples packed as real and imaginary parts, then the
 * split that recovers the {@code n/2 + 1} bins of the real transform.
 *
 * <p>Why our own rather than JTransforms or TarsosDSP: only one fixed size per task is needed and
 * only the power spectrum; this is about 100 lines, allocates nothing after construction, and
 * keeps the bundle free of embedded libraries (JTransforms also brings JLargeArrays, commons-math
 * and its own thread pool, which an analysis worker must not spawn).
 *
 * <p>Not thread-safe: holds its work arrays.
 */
final class RealFft {

    private final int half;
    private final double[] re;
    private final double[] im;
    private final int[] bitReversed;
    // cos/sin of -2 pi k / half, for the half-size complex transform.
    private final double[] cos;
    private final double[] sin;
    // cos/sin of -2 pi k / n, for the split into the real transform's bins.
    private final double[] splitCos;
    private final double[] splitSin;

    RealFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("size must be a power of two >= 4: " + n);
        }
        this.half = n / 2;
        re = new double[half];
        im = new double[half];
        bitReversed = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[half / 2];
        sin = new double[half / 2];
        for (int k = 0; k < half / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / half);
            sin[k] = -Math.sin(2 * Math.PI * k / half);
        }
        splitCos = new double[half + 1];
        splitSin = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            splitCos[k] = Math.cos(2 * Math.PI * k / n);
            splitSin[k] = Math.sin(2 * Math.PI * k / n);
        }
    }

    /** Writes {@code |X[k]|^2} for {@code k = 0..n/2} of the real frame {@code x[0..n)} into {@code power}. */
    void powerSpectrum(float[] x, float[] power) {
        for (int k = 0; k < half; k++) {
            int j = bitReversed[k];
            re[j] = x[2 * k];
            im[j] = x[2 * k + 1];
        }
        butterflies();
        power[0] = (float) square(re[0] + im[0]);
        power[half] = (float) square(re[0] - im[0]);
        for (int k = 1; k < half; k++) {
            // E and O: the transforms of the even and odd samples, recovered from Z[k] and Z[half-k].
            double ar = re[k];
            double ai = im[k];
            double br = re[half - k];
            double bi = -im[half - k];
            double er = (ar + br) / 2;
            double ei = (ai + bi) / 2;
            double or = (ai - bi) / 2;
            double oi = -(ar - br) / 2;
            double c = splitCos[k];
            double s = splitSin[k];
            double xr = er + c * or + s * oi;
            double xi = ei + c * oi - s * or;
            power[k] = (float) (xr * xr + xi * xi);
        }
    }

    private void butterflies() {
        for (int size = 2; size <= half; size <<= 1) {
            int span = size >> 1;
            int step = half / size;
            for (int j = 0; j < span; j++) {
                double wr = cos[j * step];
                double wi = sin[j * step];
                for (int start = j; start < half; start += size) {
                    int other = start + span;
                    double tr = wr * re[other] - wi * im[other];
                    double ti = wr * im[other] + wi * re[other];
                    re[other] = re[start] - tr;
                    im[other] = im[start] - ti;
                    re[start] += tr;
                    im[start] += ti;
                }
            }
        }
    }

    private static double square(double v) {
        return v * v;
    }
}
