package org.segue.plugin.analyzer.tonal.internal;

/**
 * Folds third-of-a-semitone chroma into the 12 pitch classes of a given tuning.
 *
 * <p>Pitch class {@code k} collects the 36 bins within one semitone of its (tuned) centre,
 * weighted by a triangle that is 1 at the centre and 0 a semitone away. A partial exactly between
 * two tuned pitch classes is thus split equally, and one on a centre goes wholly to it. Built once
 * per tuning; folding is a 12 x 36 multiply.
 */
final class Tuning {

    private final double semitones;
    private final float[][] weights = new float[12][ChromaExtractor.BINS];

    /** @param semitones the tuning as an offset from A440 in semitones, {@code -0.5..0.5} */
    Tuning(double semitones) {
        this.semitones = semitones;
        int bins = ChromaExtractor.BINS;
        for (int k = 0; k < 12; k++) {
            for (int j = 0; j < bins; j++) {
                double distance = j / 3.0 - semitones - k;
                distance -= 12 * Math.rint(distance / 12);
                weights[k][j] = (float) Math.max(0, 1 - Math.abs(distance));
            }
        }
    }

    double semitones() {
        return semitones;
    }

    /** Writes the 12 pitch-class values of {@code chroma36} into {@code out}. */
    void fold(float[] chroma36, float[] out) {
        for (int k = 0; k < 12; k++) {
            float[] w = weights[k];
            float sum = 0;
            for (int j = 0; j < w.length; j++) {
                sum += w[j] * chroma36[j];
            }
            out[k] = sum;
        }
    }
}
