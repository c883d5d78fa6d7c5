package org.segue.plugin.analyzer.rhythm.internal;

/**
 * A radix-2 FFT of real input, computed as a complex FFT of half the length plus one split pass.
 *
 * <p>Written here rather than embedding JTransforms or TarsosDSP: the analyzer needs only two
 * power-of-two sizes (the spectrum frame and the autocorrelation window), both run in
 * single-precision tables built once per task, and a hundred lines keep the bundle free of a
 * dependency (and JTransforms' thread pool, which an OSGi host would have to manage).
 *
 * <p>Not thread-safe: it owns its scratch arrays so a transform never allocates.
 */
final class RealFft {

    private final int size;
    private final int half;
    private final int[] bitReverse;
    private final float[] twiddleCos;
    private final float[] twiddleSin;
    private final float[] splitCos;
    private final float[] splitSin;
    private final float[] re;
    private final float[] im;

    /** @param size a power of two, at least 4 */
    RealFft(int size) {
        if (size < 4 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two >= 4: " + size);
        }
        this.size = size;
        this.half = size / 2;
        bitReverse = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        twiddleCos = new float[Math.max(1, half / 2)];
        twiddleSin = new float[Math.max(1, half / 2)];
        for (int k = 0; k < half / 2; k++) {
            twiddleCos[k] = (float) Math.cos(2 * Math.PI * k / half);
            twiddleSin[k] = (float) Math.sin(2 * Math.PI * k / half);
        }
        splitCos = new float[half + 1];
        splitSin = new float[half + 1];
        for (int k = 0; k <= half; k++) {
            splitCos[k] = (float) Math.cos(2 * Math.PI * k / size);
            splitSin[k] = (float) Math.sin(2 * Math.PI * k / size);
        }
        re = new float[half];
        im = new float[half];
    }

    int size() {
        return size;
    }

    /**
     * Transforms {@code input[0..size)} into bins {@code 0..size/2}: {@code outRe} and
     * {@code outIm} need {@code size/2 + 1} entries.
     */
    void forward(float[] input, float[] outRe, float[] outIm) {
        for (int i = 0; i < half; i++) {
            int j = bitReverse[i];
            re[j] = input[2 * i];
            im[j] = input[2 * i + 1];
        }
        butterflies();
        for (int k = 0; k <= half; k++) {
            int a = k == half ? 0 : k;
            int b = k == 0 ? 0 : half - k;
            float zr = re[a];
            float zi = im[a];
            float cr = re[b];
            float ci = -im[b];
            float er = 0.5f * (zr + cr);
            float ei = 0.5f * (zi + ci);
            float or = 0.5f * (zi - ci);
            float oi = -0.5f * (zr - cr);
            float wr = splitCos[k];
            float wi = -splitSin[k];
            outRe[k] = er + wr * or - wi * oi;
            outIm[k] = ei + wr * oi + wi * or;
        }
    }

    private void butterflies() {
        for (int span = 1; span < half; span <<= 1) {
            int stride = half / (2 * span);
            for (int j = 0; j < span; j++) {
                float wr = twiddleCos[j * stride];
                float wi = -twiddleSin[j * stride];
                for (int a = j; a < half; a += 2 * span) {
                    int b = a + span;
                    float tr = wr * re[b] - wi * im[b];
                    float ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
