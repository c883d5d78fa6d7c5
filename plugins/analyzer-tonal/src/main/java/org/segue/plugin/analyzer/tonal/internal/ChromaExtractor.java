package org.segue.plugin.analyzer.tonal.internal;

/**
 * Turns one frame of decimated mono audio into a treble and a bass chroma at a third of a
 * semitone, and keeps a running estimate of the tuning.
 *
 * <p>Only spectral peaks count, and only by how far they rise above the local spectral envelope
 * (the mean magnitude over about ±1.5 semitones): that whitening drops the broadband energy of
 * drums and noise, which has few peaks that stand out, and keeps partials of notes. Each peak's
 * frequency is refined by a parabola through the log magnitudes of its bin and neighbours, so the
 * pitch is exact to a few cents whatever the tuning; it is split linearly between the two nearest
 * third-of-a-semitone bins. Folding those 36 bins into 12 pitch classes happens later with the
 * whole track's tuning ({@link Tuning}), so a record 30 cents sharp still lands on its notes.
 *
 * <p>The bass chroma (about 40-200 Hz) and the treble chroma (about 110-1500 Hz) are kept apart
 * because the lowest note tells a chord's root (and a key's tonic) better than anything else.
 *
 * <p>All buffers are allocated in the constructor; {@link #analyse} allocates nothing.
 */
final class ChromaExtractor {

    /** Bins per octave of the chroma this class produces. */
    static final int BINS = 36;

    /** A peak must rise this many times above the local mean magnitude to count as a partial. */
    private static final float PEAK_RATIO = 2.5f;
    /** Partials quieter than this (amplitude relative to full scale, about -75 dBFS) are ignored. */
    private static final float FLOOR_AMPLITUDE = 1.8e-4f;

    private final RealFft fft;
    private final int size;
    private final double binHz;
    private final float[] window;
    private final float[] power;
    private final float[] magnitude;
    private final double[] prefix;
    private final int[] halfWidth;
    private final int lowBin;
    private final int highBin;
    private final float amplitudeScale;
    private double tuningCos;
    private double tuningSin;

    ChromaExtractor(int frameSize, double sampleRate) {
        fft = new RealFft(frameSize);
        size = frameSize;
        binHz = sampleRate / frameSize;
        window = new float[frameSize];
        double windowSum = 0;
        for (int i = 0; i < frameSize; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / frameSize));
            windowSum += window[i];
        }
        // A sine of amplitude a peaks at a * windowSum / 2 in the magnitude spectrum.
        amplitudeScale = (float) (2 / windowSum);
        lowBin = Math.max(3, (int) Math.floor(38 / binHz));
        highBin = Math.min(frameSize / 2 - 3, (int) Math.ceil(2200 / binHz));
        power = new float[frameSize / 2 + 1];
        magnitude = new float[frameSize / 2 + 1];
        prefix = new double[frameSize / 2 + 2];
        halfWidth = new int[frameSize / 2 + 1];
        for (int k = 0; k < halfWidth.length; k++) {
            // About ±1.5 semitones, but never narrower than a Hann main lobe and its skirts.
            halfWidth[k] = Math.max(8, (int) Math.round(0.09 * k));
        }
    }

    int frameSize() {
        return size;
    }

    /**
     * Analyses the frame held in {@code ring} (oldest sample at {@code start}), adding its chroma
     * into the zeroed {@code treble} and {@code bass} arrays of {@link #BINS}.
     *
     * @return the frame's tonal strength: the summed weight of its partials (0 for silence)
     */
    float analyse(float[] ring, int start, float[] treble, float[] bass) {
        int top = Math.min(highBin + halfWidth[highBin] + 1, size / 2);
        fft.powerSpectrum(ring, start, window, power, top);
        prefix[0] = 0;
        for (int k = 0; k <= top; k++) {
            float m = (float) Math.sqrt(power[k]);
            magnitude[k] = m;
            prefix[k + 1] = prefix[k] + m;
        }
        float floor = FLOOR_AMPLITUDE / amplitudeScale;
        float strength = 0;
        for (int k = lowBin; k <= highBin; k++) {
            float m = magnitude[k];
            if (m <= floor || m <= magnitude[k - 1] || m < magnitude[k + 1]) {
                continue;
            }
            int w = halfWidth[k];
            int lo = Math.max(0, k - w);
            int hi = Math.min(top, k + w);
            float envelope = (float) ((prefix[hi + 1] - prefix[lo]) / (hi - lo + 1));
            if (m < PEAK_RATIO * envelope) {
                continue;
            }
            // Parabolic interpolation on log magnitude: the offset of the true peak from bin k.
            double a = Math.log(magnitude[k - 1] + 1e-12);
            double b = Math.log(m);
            double c = Math.log(magnitude[k + 1] + 1e-12);
            double denominator = a - 2 * b + c;
            double delta = denominator < 0 ? 0.5 * (a - c) / denominator : 0;
            double frequency = (k + delta) * binHz;
            double pitch = 69 + 12 * Math.log(frequency / 440) / Math.log(2);
            float weight = (m - envelope) * amplitudeScale;
            float t = trebleWeight(pitch);
            float bw = bassWeight(pitch);
            if (t > 0) {
                add(treble, pitch, weight * t);
                double deviation = 2 * Math.PI * (pitch - Math.rint(pitch));
                tuningCos += weight * t * Math.cos(deviation);
                tuningSin += weight * t * Math.sin(deviation);
                strength += weight * t;
            }
            if (bw > 0) {
                add(bass, pitch, weight * bw);
                strength += weight * bw;
            }
        }
        return strength;
    }

    /**
     * The tuning so far in semitones from A440, {@code -0.5..0.5}: the weighted circular mean of
     * every treble partial's deviation from the nearest equal-tempered pitch.
     */
    double tuning() {
        if (tuningCos == 0 && tuningSin == 0) {
            return 0;
        }
        return Math.atan2(tuningSin, tuningCos) / (2 * Math.PI);
    }

    private static void add(float[] chroma, double pitch, float weight) {
        double position = (pitch - 60) * 3;
        double floor = Math.floor(position);
        float fraction = (float) (position - floor);
        int bin = Math.floorMod((int) floor, BINS);
        chroma[bin] += weight * (1 - fraction);
        chroma[bin == BINS - 1 ? 0 : bin + 1] += weight * fraction;
    }

    /**
     * Full weight over MIDI 52-74 (E3-D5), where accompaniment voices its chords, fading to none
     * at 44 and, slowly, at 90: a lead melody above the chords then counts less than they do.
     */
    static float trebleWeight(double pitch) {
        if (pitch <= 44 || pitch >= 90) {
            return 0;
        }
        if (pitch < 52) {
            return (float) ((pitch - 44) / 8);
        }
        return pitch > 74 ? (float) ((90 - pitch) / 16) : 1;
    }

    /** Full weight over MIDI 31-50 (G1-D3), fading to none at 26 and 58. */
    static float bassWeight(double pitch) {
        if (pitch <= 26 || pitch >= 58) {
            return 0;
        }
        if (pitch < 31) {
            return (float) ((pitch - 26) / 5);
        }
        return pitch > 50 ? (float) ((58 - pitch) / 8) : 1;
    }
}
