package org.segue.plugin.analyzer.timbre.internal;

import org.segue.api.analysis.Embedding;

/**
 * The two timbre vectors of a track.
 *
 * <p>{@link #MFCC_MODEL}: the plain MFCC summary of {@code segue.timbre}, 26 values: the mean of
 * c0..c12 then their standard deviation over the audible frames (natural-log mel energies, 40
 * bands 30 Hz–11 kHz, orthonormal DCT-II, 46 ms Hann frames).
 *
 * <p>{@link #MODEL} ({@code segue.embedding}), 48 dimensions for cosine k-nearest-neighbour search:
 * <pre>
 *  0–11  MFCC c1..c12 mean            (spectral envelope; c0, the level, is left out)
 * 12–24  MFCC c0..c12 std             (how much level and envelope move)
 * 25–30  spectral contrast mean, octave bands 20–250–500–1k–2k–4k–11k Hz
 * 31–36  share of power in the same six bands
 * 37     log2 spectral centroid mean  38  log2 roll-off (85 %) mean
 * 39     flatness mean                40  flux mean           41  onsets per second
 * 42     log2 centroid std            43  flatness std        44  flux std
 * 45     level std (dB, 0.5 s)        46  level range P95−P10 (dB)   47  level crest, max − mean (dB)
 * </pre>
 * Every dimension is gain-independent (a track at −6 dB gets the same vector), centred and scaled
 * by fixed constants ({@link #CENTRE}, {@link #SCALE}: the mean and standard deviation of each
 * dimension over a reference corpus of mixed genres, so no dimension dominates by its units), then
 * the vector is L2-normalised, so cosine similarity is a dot product. The constants are part of
 * the model: changing them, or the layout, means a new revision in {@link #MODEL}.
 */
final class TimbreEmbedding {

    static final String MFCC_MODEL = "segue.mfcc13-stats/1";
    static final String MODEL = "segue.timbre/1";
    static final int DIMENSIONS = 48;

    /**
     * Per-dimension mean over Segue's evaluation corpus (40 rendered tracks in 8 styles, printed by
     * {@code TimbreCorpusEvaluation}), eight dimensions a line.
     */
    static final float[] CENTRE = {
        9.481f, 0.3681f, 3.133f, -0.5510f, -0.04086f, -1.001f, -0.6501f, -0.4166f,
        0.007416f, 0.004026f, 0.09770f, -0.2993f, 13.00f, 5.462f, 4.141f, 2.870f,
        2.265f, 1.911f, 1.881f, 1.786f, 1.581f, 1.425f, 1.494f, 1.612f,
        1.567f, 1.628f, 1.420f, 2.161f, 2.536f, 2.749f, 3.432f, 0.4112f,
        0.2340f, 0.1649f, 0.09334f, 0.06061f, 0.03601f, 10.73f, 9.607f, 0.06021f,
        0.3940f, 3.270f, 0.6658f, 0.08358f, 0.8648f, 4.850f, 6.775f, 4.750f,
    };

    /** Per-dimension standard deviation over the same corpus. */
    static final float[] SCALE = {
        3.087f, 2.168f, 1.185f, 1.114f, 0.9573f, 0.9757f, 1.035f, 1.037f,
        1.085f, 0.9786f, 0.9296f, 0.6820f, 2.196f, 1.480f, 1.215f, 0.5049f,
        0.4156f, 0.3645f, 0.4185f, 0.4003f, 0.2970f, 0.2594f, 0.3484f, 0.3337f,
        0.2568f, 0.1000f, 0.1271f, 0.1641f, 0.1930f, 0.2583f, 0.3687f, 0.1556f,
        0.1347f, 0.06277f, 0.03559f, 0.03093f, 0.02211f, 0.3406f, 0.3922f, 0.02977f,
        0.07354f, 0.7636f, 0.2209f, 0.04362f, 0.2401f, 1.210f, 3.896f, 2.036f,
    };

    private TimbreEmbedding() {
    }

    /** The 26 MFCC statistics. */
    static Embedding mfccSummary(TrackStats s) {
        int c = MelCepstrum.COEFFICIENTS;
        float[] v = new float[2 * c];
        for (int i = 0; i < c; i++) {
            v[i] = (float) s.mean(s.mfccSum[i]);
            v[c + i] = (float) s.std(s.mfccSum[i], s.mfccSquares[i]);
        }
        return new Embedding(MFCC_MODEL, v);
    }

    /** The raw (unscaled) dimensions, in the documented layout. */
    static double[] raw(TrackStats s, EnergyCurves energy, double seconds) {
        double[] v = new double[DIMENSIONS];
        int c = MelCepstrum.COEFFICIENTS;
        for (int i = 1; i < c; i++) {
            v[i - 1] = s.mean(s.mfccSum[i]);
        }
        for (int i = 0; i < c; i++) {
            v[12 + i] = s.std(s.mfccSum[i], s.mfccSquares[i]);
        }
        for (int b = 0; b < FrameAnalyzer.OCTAVES; b++) {
            v[25 + b] = s.mean(s.contrastSum[b]);
            v[31 + b] = s.mean(s.shareSum[b]);
        }
        v[37] = s.mean(s.logCentroidSum);
        v[38] = s.mean(s.logRolloffSum);
        v[39] = s.mean(s.flatnessSum);
        v[40] = s.mean(s.fluxSum);
        v[41] = seconds > 0 ? s.onsets.onsets() / seconds : 0;
        v[42] = s.std(s.logCentroidSum, s.logCentroidSquares);
        v[43] = s.std(s.flatnessSum, s.flatnessSquares);
        v[44] = s.std(s.fluxSum, s.fluxSquares);
        v[45] = energy.levelSpreadDb;
        v[46] = energy.levelRangeDb;
        v[47] = energy.levelCrestDb;
        return v;
    }

    /** Centres, scales and L2-normalises the raw dimensions. */
    static Embedding embedding(double[] raw) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            double x = (raw[d] - CENTRE[d]) / SCALE[d];
            v[d] = (float) x;
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = norm > 0 ? (float) (v[d] / norm) : 0;
        }
        return new Embedding(MODEL, v);
    }
}
