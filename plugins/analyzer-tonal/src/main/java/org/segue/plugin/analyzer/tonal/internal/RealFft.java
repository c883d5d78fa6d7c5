package org.segue.plugin.analyzer.tonal.internal;

/**
 * Forward FFT of a real frame whose length is a power of two, with every table built once.
 *
 * <p>Our own rather than TarsosDSP or JTransforms: the analyzer needs one transform size, forward
 * only, and only the lower part of the spectrum, which is some 90 lines here; a library would add
 * an embedded package (and JTransforms its thread pool) to the bundle for no gain in speed.
 *
 * <p>The real frame of {@code n} samples is packed into a complex one of {@code n/2} (even samples
 * real, odd samples imaginary), transformed in place, and split into the real spectrum. Not
 * thread-safe: one instance per task.
 */
final class RealFft {

    private final int n;
    private final int half;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;
    private final double[] splitCos;
    private final double[] splitSin;
    private final double[] re;
    private final double[] im;

    RealFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("size must be a power of two >= 4: " + n);
        }
        this.n = n;
        this.half = n / 2;
        bitReverse = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[half / 2 + 1];
        sin = new double[half / 2 + 1];
        for (int i = 0; i < cos.length; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / half);
            sin[i] = Math.sin(2 * Math.PI * i / half);
        }
        splitCos = new double[half + 1];
        splitSin = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            splitCos[k] = Math.cos(2 * Math.PI * k / n);
            splitSin[k] = Math.sin(2 * Math.PI * k / n);
        }
        re = new double[half];
        im = new double[half];
    }

    int size() {
        return n;
    }

    /**
     * Transforms {@code n} samples read from a ring buffer of the same length, oldest at
     * {@code start}, each multiplied by {@code window}; then writes the power
     * {@code |X[k]|^2} of bins {@code 0..maxBin} (at most {@code n/2}) into {@code power}.
     */
    void powerSpectrum(float[] ring, int start, float[] window, float[] power, int maxBin) {
        int mask = n - 1;
        for (int i = 0; i < half; i++) {
            int j = bitReverse[i];
            int s = (start + 2 * i) & mask;
            re[j] = ring[s] * window[2 * i];
            im[j] = ring[(s + 1) & mask] * window[2 * i + 1];
        }
        transform();
        double r0 = re[0];
        double i0 = im[0];
        power[0] = (float) ((r0 + i0) * (r0 + i0));
        int last = Math.min(maxBin, half);
        for (int k = 1; k <= last; k++) {
            if (k == half) {
                power[k] = (float) ((r0 - i0) * (r0 - i0));
                break;
            }
            double ar = re[k];
            double ai = im[k];
            double br = re[half - k];
            double bi = -im[half - k];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai + bi);
            double or = 0.5 * (ai - bi);
            double oi = -0.5 * (ar - br);
            double c = splitCos[k];
            double s = splitSin[k];
            double xr = er + c * or + s * oi;
            double xi = ei + c * oi - s * or;
            power[k] = (float) (xr * xr + xi * xi);
        }
    }

    /** In-place radix-2 decimation-in-time butterflies over the bit-reversed {@code re}, {@code im}. */
    private void transform() {
        for (int size = 2; size <= half; size <<= 1) {
            int step = half / size;
            int h = size >> 1;
            for (int start = 0; start < half; start += size) {
                for (int j = 0; j < h; j++) {
                    // j * step < half / 2, so the quarter-wave-plus-one tables suffice.
                    double c = cos[j * step];
                    double s = sin[j * step];
                    int a = start + j;
                    int b = a + h;
                    // Twiddle e^{-i 2 pi t / half} applied to the odd half.
                    double tr = re[b] * c + im[b] * s;
                    double ti = im[b] * c - re[b] * s;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
