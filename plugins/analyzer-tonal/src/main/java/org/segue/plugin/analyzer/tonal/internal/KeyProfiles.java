package org.segue.plugin.analyzer.tonal.internal;

import java.util.Arrays;

import org.segue.api.analysis.Mode;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.PitchClass;

/**
 * Key templates and the correlation of a chroma with them.
 *
 * <p>Two kinds of template serve two questions. Which scale (key signature) is in use is asked of
 * flat diatonic templates: every scale note counts alike, so a piece that dwells on its dominant
 * or subdominant chord still shows its seven notes, where tonic-heavy profiles drift a fifth
 * away. Which of the two keys sharing that scale (C major or A minor) is asked of a listening
 * profile ({@link Kind}) together with the evidence {@link KeyEstimator} adds.
 *
 * <p>Key index {@code 0..11} is the major key on that tonic, {@code 12..23} the minor key. Not
 * thread-safe (it keeps a scratch array): one instance per task.
 */
final class KeyProfiles {

    /** Number of keys. */
    static final int KEYS = 24;

    /** The listening profiles offered in the configuration. */
    enum Kind {
        /** Krumhansl and Kessler's probe-tone ratings (1982); balanced between major and minor. */
        KRUMHANSL(new double[] {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88},
                new double[] {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17}),
        /**
         * Temperley's profiles from the Kostka-Payne textbook corpus (2001); sharper, and on
         * chroma with strong harmonics somewhat inclined to major.
         */
        TEMPERLEY(new double[] {0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400},
                new double[] {0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330});

        private final double[] major;
        private final double[] minor;

        Kind(double[] major, double[] minor) {
            this.major = major;
            this.minor = minor;
        }
    }

    /** The major scale, and the natural minor with the leading tone at half weight (the dominant is often major). */
    private static final double[] SCALE_MAJOR = {1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1};
    private static final double[] SCALE_MINOR = {1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0.5};

    /** Zero-mean, unit-norm templates, so a dot product with a standardised chroma is a correlation. */
    private final double[][] profiles = new double[KEYS][];
    private final double[][] scales = new double[KEYS][];
    private final double[] scratch = new double[12];

    KeyProfiles(Kind kind) {
        for (int tonic = 0; tonic < 12; tonic++) {
            profiles[tonic] = rotated(kind.major, tonic);
            profiles[12 + tonic] = rotated(kind.minor, tonic);
            scales[tonic] = rotated(SCALE_MAJOR, tonic);
            scales[12 + tonic] = rotated(SCALE_MINOR, tonic);
        }
    }

    /**
     * The scale of a chroma: for each major tonic {@code 0..11}, the better correlation of the
     * chroma with that major scale or with its relative minor's.
     */
    void scaleScores(float[] chroma, double[] out) {
        if (!load(chroma)) {
            Arrays.fill(out, 0, 12, 0);
            return;
        }
        for (int tonic = 0; tonic < 12; tonic++) {
            out[tonic] = Math.max(dot(scales[tonic]), dot(scales[relative(tonic)]));
        }
    }

    /** The correlation of a chroma with the listening profile of one key; 0 for a flat chroma. */
    double profileScore(float[] chroma, int key) {
        return load(chroma) ? dot(profiles[key]) : 0;
    }

    static MusicalKey key(int index) {
        return new MusicalKey(PitchClass.of(index % 12), index < 12 ? Mode.MAJOR : Mode.MINOR);
    }

    static int tonic(int index) {
        return index % 12;
    }

    static boolean isMinor(int index) {
        return index >= 12;
    }

    /** The relative key: A minor for C major and back. */
    static int relative(int index) {
        return index < 12 ? 12 + (index + 9) % 12 : (index - 12 + 3) % 12;
    }

    private boolean load(float[] chroma) {
        for (int i = 0; i < 12; i++) {
            scratch[i] = chroma[i];
        }
        return standardise(scratch);
    }

    private double dot(double[] template) {
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += template[i] * scratch[i];
        }
        return sum;
    }

    private static double[] rotated(double[] profile, int tonic) {
        double[] out = new double[12];
        for (int pc = 0; pc < 12; pc++) {
            out[(tonic + pc) % 12] = profile[pc];
        }
        standardise(out);
        return out;
    }

    /** Subtracts the mean and scales to unit length; false when the vector is constant. */
    private static boolean standardise(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] -= mean;
            norm += v[i] * v[i];
        }
        if (norm < 1e-18) {
            return false;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return true;
    }
}
