package org.segue.plugin.analyzer.rhythm.internal;

/**
 * Onset strength by spectral flux: a Hann-windowed FFT frame, power summed into bands of equal
 * width, log-compressed, and the rise of each band since two frames ago, half-wave rectified and summed.
 *
 * <p>Bands rather than bins because the log is the costly step and 32 bands carry the onsets of
 * 256 bins; the first band (up to about 170 Hz) is also kept alone as the kick-and-bass envelope,
 * and the rise of the amplitude (not its log) between 40 and 150 Hz as the kick envelope. The log makes a quiet piano note's attack count like a loud kick's, which is what lets
 * the tempo of a drumless ballad be found at all. The difference spans two hops (about 12 ms) so
 * the slow attack of a bowed or sung note still rises clearly from one compared frame to the next.
 *
 * <p>Every {@code timbreStride} frames it also stores a chroma vector and four broad band levels,
 * averaged over the stride, for the meter and downbeat detector.
 *
 * <p>All arrays are allocated in the constructor; {@link #process} never allocates beyond the
 * amortised growth of the feature buffers.
 */
final class OnsetDetector {

    private static final int MAX_BANDS = 40;
    /**
     * Width of a band. Equal widths, not mel: they give the treble, where kicks click and snares
     * and claps rattle, as many bands as the drums' share of the spectrum. On mel bands the sustained
     * bass and chord stabs of house music, placed on the off-beats, outweigh the kick and the beat
     * tracker locks onto the off-beat, as other trackers do on such music.
     */
    private static final double BAND_HZ = 172;
    /**
     * Power below this (about -50 dB for a full-scale sine) is treated as silence by the log. A
     * deeper floor would make a note entering a silent band count for more than a drum hit over a
     * ringing one.
     */
    private static final float LOG_GAIN = 10f;
    private static final int LAG = 2;
    /** Bands from this frequency up make the treble envelope: snares, claps, hats, cymbals. */
    private static final double HIGH_BAND_HZ = 1400;
    /**
     * The kick drum's range: the body of a kick (or an 808) sweeps down through it, while
     * hi-hats, claps and snares have next to nothing there.
     */
    private static final double KICK_LOW_HZ = 40;
    private static final double KICK_HIGH_HZ = 150;

    private final int window;
    private final int hop;
    private final float[] hann;
    private final float[] windowed;
    private final float[] spectrumRe;
    private final float[] spectrumIm;
    private final RealFft fft;
    private final int[] bandOfBin;
    private final int bandCount;
    private final int lowBands;
    private final int highBand;
    private final float[] bandPower;
    private final float[][] history;
    private final int kickFromBin;
    private final int kickToBin;
    private final float[] kickHistory;
    private int historyIndex;
    private int framesSeen;

    private final int[] chromaOfBin;
    private final int[] broadBandOfBin;
    private final float[] timbreSum;
    private final float[] timbreFrame;
    private int timbreCount;

    private final OnsetFeatures features;

    OnsetDetector(int rate, long expectedInputFrames, int inputRate) {
        // About 46 ms windows at any rate: long enough to resolve semitones above middle C,
        // short enough that the frame-to-frame rise stays sharp.
        window = Integer.highestOneBit((int) Math.max(64, Math.round(rate * 0.0464) * 4 / 3));
        hop = window / 8;
        fft = new RealFft(window);
        hann = new float[window];
        for (int i = 0; i < window; i++) {
            hann[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / window));
        }
        windowed = new float[window];
        spectrumRe = new float[window / 2 + 1];
        spectrumIm = new float[window / 2 + 1];

        int bins = window / 2;
        bandOfBin = new int[bins];
        double binHz = rate / (double) window;
        int binsPerBand = Math.max(1, (int) Math.round(BAND_HZ / binHz));
        int band = 0;
        for (int k = 0; k < bins; k++) {
            band = Math.min(MAX_BANDS - 1, k / binsPerBand);
            bandOfBin[k] = band;
        }
        bandCount = band + 1;
        lowBands = 1;
        highBand = Math.min(bandCount - 1, (int) Math.ceil(HIGH_BAND_HZ / (binsPerBand * binHz)));
        bandPower = new float[bandCount];
        history = new float[LAG + 1][bandCount];
        kickFromBin = Math.max(1, (int) Math.ceil(KICK_LOW_HZ / binHz));
        kickToBin = Math.max(kickFromBin, Math.min(bins - 1, (int) Math.floor(KICK_HIGH_HZ / binHz)));
        kickHistory = new float[LAG + 1];

        chromaOfBin = new int[bins];
        broadBandOfBin = new int[bins];
        for (int k = 0; k < bins; k++) {
            double f = k * binHz;
            chromaOfBin[k] = f < 100 || f > 3000 ? -1
                    : Math.floorMod((int) Math.round(12 * Math.log(f / 440.0) / Math.log(2)) + 9, 12);
            broadBandOfBin[k] = f < 150 ? 0 : f < 600 ? 1 : f < 2500 ? 2 : 3;
        }
        timbreSum = new float[OnsetFeatures.CHROMA + OnsetFeatures.BANDS];
        timbreFrame = new float[timbreSum.length];

        double fps = rate / (double) hop;
        int stride = Math.max(1, (int) Math.round(fps / 43));
        long expected = expectedInputFrames > 0 ? expectedInputFrames * rate / inputRate / hop : 0;
        features = new OnsetFeatures(fps, window / 2.0 / rate, stride, expected);
    }

    int window() {
        return window;
    }

    int hop() {
        return hop;
    }

    OnsetFeatures features() {
        return features;
    }

    /** Analyses one full window of decimated mono samples. */
    void process(float[] frame) {
        for (int i = 0; i < window; i++) {
            windowed[i] = frame[i] * hann[i];
        }
        fft.forward(windowed, spectrumRe, spectrumIm);
        java.util.Arrays.fill(bandPower, 0f);
        int bins = window / 2;
        for (int k = 1; k < bins; k++) {
            float p = spectrumRe[k] * spectrumRe[k] + spectrumIm[k] * spectrumIm[k];
            bandPower[bandOfBin[k]] += p;
            int c = chromaOfBin[k];
            if (c >= 0) {
                timbreSum[c] += p;
            }
            timbreSum[OnsetFeatures.CHROMA + broadBandOfBin[k]] += p;
        }
        float kickPower = 0;
        for (int k = kickFromBin; k <= kickToBin; k++) {
            kickPower += spectrumRe[k] * spectrumRe[k] + spectrumIm[k] * spectrumIm[k];
        }
        // Amplitude, not its log: the kick is the loudest thing down here, and a bass note that
        // starts as abruptly must not count as much, as it would once compressed.
        float kickLevel = (float) Math.sqrt(kickPower);
        float kickRise = Math.max(0f, kickLevel - kickHistory[(historyIndex + 1) % (LAG + 1)]);
        kickHistory[historyIndex] = kickLevel;
        float[] current = history[historyIndex];
        float[] previous = history[(historyIndex + 1) % (LAG + 1)];
        float flux = 0;
        float lowFlux = 0;
        float highFlux = 0;
        for (int b = 0; b < bandCount; b++) {
            float level = (float) Math.log1p(LOG_GAIN * bandPower[b]);
            current[b] = level;
            float rise = level - previous[b];
            if (rise > 0) {
                flux += rise;
                if (b < lowBands) {
                    lowFlux += rise;
                } else if (b >= highBand) {
                    highFlux += rise;
                }
            }
        }
        historyIndex = (historyIndex + 1) % (LAG + 1);
        // The first frames compare with silence before the track; their rise is the track's
        // start, not an onset.
        boolean warm = framesSeen >= LAG;
        features.onset.add(warm ? flux : 0f);
        features.lowOnset.add(warm ? lowFlux : 0f);
        features.highOnset.add(warm ? highFlux : 0f);
        features.kickOnset.add(warm ? kickRise : 0f);
        framesSeen++;
        if (++timbreCount == features.timbreStride) {
            storeTimbre();
        }
    }

    /** Quantises the stride's chroma (dB below its strongest class) and band levels (dBFS). */
    private void storeTimbre() {
        float peak = 1e-12f;
        for (int c = 0; c < OnsetFeatures.CHROMA; c++) {
            peak = Math.max(peak, timbreSum[c]);
        }
        float norm = 1f / (timbreCount * window * window / 16f);
        for (int c = 0; c < OnsetFeatures.CHROMA; c++) {
            double db = 10 * Math.log10(Math.max(timbreSum[c] / peak, 1e-6));
            timbreFrame[c] = (float) (255 + db * 255 / 40);
        }
        for (int b = 0; b < OnsetFeatures.BANDS; b++) {
            int i = OnsetFeatures.CHROMA + b;
            double db = 10 * Math.log10(Math.max(timbreSum[i] * norm, 1e-12));
            timbreFrame[i] = (float) (255 + db * 255 / 100);
        }
        features.timbre.add(timbreFrame);
        java.util.Arrays.fill(timbreSum, 0f);
        timbreCount = 0;
    }
}
