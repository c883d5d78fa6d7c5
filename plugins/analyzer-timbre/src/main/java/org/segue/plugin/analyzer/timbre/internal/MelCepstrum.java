package org.segue.plugin.analyzer.timbre.internal;

/**
 * Mel filterbank and DCT: turns a power spectrum into log mel band energies and 13 MFCCs.
 *
 * <p>40 triangular filters, evenly spaced on the mel scale ({@code 2595 log10(1 + f/700)}) from
 * 30 Hz to 11 kHz, whatever the sample rate: fixed in Hz so coefficients of tracks at different
 * rates are comparable (bands above a low rate's Nyquist simply stay empty). Log energies are
 * natural logs of band power plus a floor of 1e-10 (−100 dB, far below any music, so a gain
 * change only moves c0). The DCT is the orthonormal DCT-II.
 *
 * <p>Each FFT bin lies on the falling edge of one triangle and the rising edge of the next, so the
 * filterbank is stored per bin (two weights) rather than as a 40 × 512 matrix.
 */
final class MelCepstrum {

    static final int BANDS = 40;
    static final int COEFFICIENTS = 13;
    static final double LOW_HZ = 30;
    static final double HIGH_HZ = 11_000;
    static final double FLOOR = 1e-10;

    private final int firstBin;
    private final int endBin;
    private final int[] binBand;
    private final float[] binWeight;
    private final double[] logBandWidth = new double[BANDS];
    private final double[] bandWidth = new double[BANDS];
    private final int usableBands;
    private final double[][] dct = new double[COEFFICIENTS][BANDS];
    private final double[] energies = new double[BANDS];

    /** A filterbank for power spectra of {@code fftSize} points at {@code sampleRate}. */
    MelCepstrum(double sampleRate, int fftSize) {
        double binHz = sampleRate / fftSize;
        double[] points = new double[BANDS + 2];
        double melLow = mel(LOW_HZ);
        double melHigh = mel(HIGH_HZ);
        for (int i = 0; i < points.length; i++) {
            points[i] = hz(melLow + (melHigh - melLow) * i / (BANDS + 1));
        }
        firstBin = (int) Math.ceil(LOW_HZ / binHz);
        endBin = Math.min(fftSize / 2, (int) Math.floor(HIGH_HZ / binHz)) + 1;
        binBand = new int[endBin];
        binWeight = new float[endBin];
        double[] widths = new double[BANDS];
        int segment = 0;
        for (int k = firstBin; k < endBin; k++) {
            double f = k * binHz;
            while (segment < BANDS && f >= points[segment + 1]) {
                segment++;
            }
            // Between points[segment] and points[segment + 1]: falling edge of band segment - 1,
            // rising edge of band segment.
            double t = (f - points[segment]) / (points[segment + 1] - points[segment]);
            binBand[k] = segment;
            binWeight[k] = (float) t;
            if (segment - 1 >= 0) {
                widths[segment - 1] += 1 - t;
            }
            if (segment < BANDS) {
                widths[segment] += t;
            }
        }
        int usable = 0;
        for (int m = 0; m < BANDS; m++) {
            bandWidth[m] = Math.max(widths[m], 1e-9);
            logBandWidth[m] = Math.log(bandWidth[m]);
            if (points[m + 1] < sampleRate / 2 && widths[m] > 0) {
                usable = m + 1;
            }
        }
        usableBands = usable;
        for (int i = 0; i < COEFFICIENTS; i++) {
            double scale = Math.sqrt((i == 0 ? 1.0 : 2.0) / BANDS);
            for (int m = 0; m < BANDS; m++) {
                dct[i][m] = scale * Math.cos(Math.PI * i * (m + 0.5) / BANDS);
            }
        }
    }

    static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /**
     * Computes log band energies into {@code logMel} and MFCCs into {@code mfcc}, and returns the
     * spectral flatness of the bands (geometric over arithmetic mean of the power per bin in each
     * band): near 1 for noise, near 0 for a few tones. Measured on bands rather than bins to spare
     * 500 logarithms a frame.
     */
    double apply(float[] power, double[] logMel, double[] mfcc) {
        java.util.Arrays.fill(energies, 0);
        for (int k = firstBin; k < endBin; k++) {
            int segment = binBand[k];
            double t = binWeight[k];
            double p = power[k];
            if (segment > 0) {
                energies[segment - 1] += (1 - t) * p;
            }
            if (segment < BANDS) {
                energies[segment] += t * p;
            }
        }
        double logSum = 0;
        double density = 0;
        for (int m = 0; m < BANDS; m++) {
            logMel[m] = Math.log(energies[m] + FLOOR);
            if (m < usableBands) {
                logSum += logMel[m] - logBandWidth[m];
                density += (energies[m] + FLOOR) / bandWidth[m];
            }
        }
        for (int i = 0; i < COEFFICIENTS; i++) {
            double c = 0;
            double[] row = dct[i];
            for (int m = 0; m < BANDS; m++) {
                c += row[m] * logMel[m];
            }
            mfcc[i] = c;
        }
        if (usableBands == 0) {
            return 0;
        }
        return Math.min(1, Math.exp(logSum / usableBands) / (density / usableBands));
    }
}
