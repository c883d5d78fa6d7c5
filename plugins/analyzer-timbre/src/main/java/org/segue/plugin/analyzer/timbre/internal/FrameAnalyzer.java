package org.segue.plugin.analyzer.timbre.internal;

/**
 * The features of one analysis frame (about 46 ms of mono audio at the decimated rate): level in
 * three bands, spectral centroid, roll-off, flatness and flux, six-band spectral contrast and
 * energy shares, and 13 MFCCs. Results are left in the fields, overwritten by the next frame, so
 * analysing a frame allocates nothing.
 *
 * <p>The power spectrum is scaled so that bins sum to the frame's mean square (a sine of
 * amplitude A gives A²/2), which makes band powers comparable with time-domain levels.
 */
final class FrameAnalyzer {

    /** Band edges (Hz) of the three level bands drawn as waveform colours: low, mid, high. */
    static final double LOW_MID_HZ = 250;
    static final double MID_HIGH_HZ = 4000;
    /** Edges (Hz) of the six octave-wide bands of spectral contrast and energy shares. */
    static final double[] OCTAVE_EDGES_HZ = {20, 250, 500, 1000, 2000, 4000, 11_000};
    static final int OCTAVES = OCTAVE_EDGES_HZ.length - 1;
    /** Mean square below which a frame is silence (−80 dBFS): left out of timbre statistics. */
    static final double SILENCE = 1e-8;
    private static final double ROLLOFF_SHARE = 0.85;

    private final int size;
    private final double binHz;
    private final RealFft fft;
    private final MelCepstrum mel;
    private final float[] window;
    private final float[] windowed;
    private final float[] power;
    private final double scale;
    private final int firstBin;
    private final int endBin;
    private final int lowMidBin;
    private final int midHighBin;
    private final int[] octaveStart = new int[OCTAVES + 1];
    private final double[] previousLogMel = new double[MelCepstrum.BANDS];
    private final double[] logMel = new double[MelCepstrum.BANDS];
    private boolean hasPrevious;

    // Results of the last frame.
    double meanSquare;
    boolean silent;
    double low;
    double mid;
    double high;
    double centroidHz;
    double rolloffHz;
    double flatness;
    double flux;
    final double[] mfcc = new double[MelCepstrum.COEFFICIENTS];
    final double[] contrast = new double[OCTAVES];
    final double[] shares = new double[OCTAVES];

    FrameAnalyzer(double sampleRate, int size) {
        this.size = size;
        this.binHz = sampleRate / size;
        this.fft = new RealFft(size);
        this.mel = new MelCepstrum(sampleRate, size);
        this.window = new float[size];
        this.windowed = new float[size];
        this.power = new float[size / 2 + 1];
        double sumSquares = 0;
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
            sumSquares += window[i] * window[i];
        }
        this.scale = 2 / (size * sumSquares);
        int nyquistBin = size / 2;
        this.firstBin = Math.max(1, bin(OCTAVE_EDGES_HZ[0]));
        this.endBin = Math.min(nyquistBin + 1, bin(OCTAVE_EDGES_HZ[OCTAVES]));
        this.lowMidBin = Math.min(endBin, bin(LOW_MID_HZ));
        this.midHighBin = Math.min(endBin, bin(MID_HIGH_HZ));
        for (int b = 0; b <= OCTAVES; b++) {
            octaveStart[b] = Math.max(firstBin, Math.min(endBin, bin(OCTAVE_EDGES_HZ[b])));
        }
    }

    private int bin(double hz) {
        return (int) Math.round(hz / binHz);
    }

    /** Analyses {@code frame[0..size)}. */
    void analyse(float[] frame) {
        double ms = 0;
        for (int i = 0; i < size; i++) {
            float v = frame[i];
            ms += v * v;
            windowed[i] = v * window[i];
        }
        meanSquare = ms / size;
        silent = meanSquare < SILENCE;
        fft.powerSpectrum(windowed, power);

        double total = 0;
        double magnitudeSum = 0;
        double weightedFrequency = 0;
        low = 0;
        mid = 0;
        high = 0;
        for (int k = firstBin; k < endBin; k++) {
            double p = power[k] * scale;
            power[k] = (float) p;
            total += p;
            double magnitude = Math.sqrt(p);
            magnitudeSum += magnitude;
            weightedFrequency += magnitude * k;
            if (k < lowMidBin) {
                low += p;
            } else if (k < midHighBin) {
                mid += p;
            } else {
                high += p;
            }
        }
        centroidHz = magnitudeSum > 0 ? weightedFrequency / magnitudeSum * binHz : 0;
        rolloffHz = rolloff(total);
        octaves(total);
        flatness = mel.apply(power, logMel, mfcc);
        flux();
    }

    private double rolloff(double total) {
        double target = ROLLOFF_SHARE * total;
        double cumulative = 0;
        for (int k = firstBin; k < endBin; k++) {
            cumulative += power[k];
            if (cumulative >= target) {
                return k * binHz;
            }
        }
        return 0;
    }

    /** Contrast: log of the band's strongest bin over its mean (peaky tones high, noise low); shares of total power. */
    private void octaves(double total) {
        for (int b = 0; b < OCTAVES; b++) {
            double sum = 0;
            double max = 0;
            int from = octaveStart[b];
            int to = octaveStart[b + 1];
            for (int k = from; k < to; k++) {
                sum += power[k];
                max = Math.max(max, power[k]);
            }
            int n = Math.max(1, to - from);
            contrast[b] = Math.log((max + MelCepstrum.FLOOR) / (sum / n + MelCepstrum.FLOOR));
            shares[b] = total > 0 ? sum / total : 0;
        }
    }

    /** Mean rise of the log mel energies since the last frame: gain-independent onset strength. */
    private void flux() {
        double rise = 0;
        for (int m = 0; m < MelCepstrum.BANDS; m++) {
            if (hasPrevious) {
                rise += Math.max(0, logMel[m] - previousLogMel[m]);
            }
            previousLogMel[m] = logMel[m];
        }
        hasPrevious = true;
        flux = rise / MelCepstrum.BANDS;
    }
}
