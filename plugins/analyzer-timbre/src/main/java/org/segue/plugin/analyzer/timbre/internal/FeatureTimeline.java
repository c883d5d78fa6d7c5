package org.segue.plugin.analyzer.timbre.internal;
import org.segue.support.dsp.FloatList;

/**
 * Frame features averaged over 0.5 s slots: the only per-time memory of the analysis (22 floats
 * per slot, 1.3 MB for two hours), from which every curve and the structure are built at the end.
 *
 * <p>Levels average over all frames; spectral shape features over audible frames only, since the
 * "centroid of silence" is meaningless (silent slots store 0).
 */
final class FeatureTimeline {

    static final double SLOT_SECONDS = 0.5;

    static final int WEIGHTED_POWER = 0;
    static final int LOW = 1;
    static final int MID = 2;
    static final int HIGH = 3;
    static final int CENTROID = 4;
    static final int ROLLOFF = 5;
    static final int FLATNESS = 6;
    static final int FLUX = 7;
    static final int AUDIBLE = 8;
    static final int MFCC = 9;
    static final int STRIDE = MFCC + MelCepstrum.COEFFICIENTS;

    private final FloatList data;
    private final double[] sums = new double[STRIDE];
    private int frames;
    private int audibleFrames;
    private int slots;

    FeatureTimeline(int expectedSlots) {
        data = new FloatList(expectedSlots * STRIDE);
    }

    /**
     * The weighting of the three bands in {@link #WEIGHTED_POWER}: bass counts less and treble more,
     * a three-band approximation of the K-weighting that loudness meters use.
     */
    static double weightedPower(FrameAnalyzer f) {
        return 0.6 * f.low + f.mid + 1.6 * f.high;
    }

    void add(FrameAnalyzer f) {
        frames++;
        sums[WEIGHTED_POWER] += weightedPower(f);
        sums[LOW] += f.low;
        sums[MID] += f.mid;
        sums[HIGH] += f.high;
        if (!f.silent) {
            audibleFrames++;
            sums[CENTROID] += f.centroidHz;
            sums[ROLLOFF] += f.rolloffHz;
            sums[FLATNESS] += f.flatness;
            sums[FLUX] += f.flux;
            for (int i = 0; i < MelCepstrum.COEFFICIENTS; i++) {
                sums[MFCC + i] += f.mfcc[i];
            }
        }
    }

    /** Ends the current slot (no-op when it received no frame). */
    void closeSlot() {
        if (frames == 0) {
            return;
        }
        for (int i = 0; i < STRIDE; i++) {
            double n = i < CENTROID ? frames : Math.max(1, audibleFrames);
            data.add((float) (sums[i] / n));
            sums[i] = 0;
        }
        data.set(slots * STRIDE + AUDIBLE, audibleFrames / (float) frames);
        frames = 0;
        audibleFrames = 0;
        slots++;
    }

    int slots() {
        return slots;
    }

    float get(int slot, int field) {
        return data.get(slot * STRIDE + field);
    }

    /** The weighted level of a slot in dB (mean square, −120 dB for silence). */
    double levelDb(int slot) {
        return 10 * Math.log10(get(slot, WEIGHTED_POWER) + 1e-12);
    }
}
