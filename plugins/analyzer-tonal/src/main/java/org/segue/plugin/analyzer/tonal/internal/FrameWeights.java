package org.segue.plugin.analyzer.tonal.internal;

import java.util.Arrays;

/**
 * How much each chroma frame is worth as evidence, from its tonal strength.
 *
 * <p>A frame's chroma is normalised before it is compared with anything, which would give the
 * faint tail of a decaying chord, or a bar of hi-hats with a trace of reverb, the same say as a
 * full chord. So each frame is weighted by its strength relative to a typical sounding frame
 * (half the median), capped at 1: weak frames fade out of the key and the chord decisions instead
 * of voting on them, and the chord before them simply carries on. Frames below an absolute floor
 * (-80 dB) or 60 dB under the track's loud frames are silence: weight 0, and "no chord".
 */
final class FrameWeights {

    /** Below this tonal strength (summed partial amplitude, full scale 1: -80 dB) a frame is silent. */
    static final float SILENT = 1e-4f;
    /** Frames this far under the track's loud frames (the 90th percentile) are silent too. */
    private static final float RELATIVE_SILENCE = 1e-3f;
    /** A frame at this share of the median sounding strength or above has full weight. */
    static final float RELIABLE_SHARE = 0.5f;

    private FrameWeights() {
    }

    /** One weight in {@code 0..1} per frame; 0 marks silence. */
    static float[] of(float[] strength, int frames) {
        float[] sorted = Arrays.copyOf(strength, frames);
        Arrays.sort(sorted);
        float loud = frames == 0 ? 0 : sorted[(int) (0.9 * (frames - 1))];
        float silence = Math.max(SILENT, RELATIVE_SILENCE * loud);
        int firstSounding = 0;
        while (firstSounding < frames && sorted[firstSounding] < silence) {
            firstSounding++;
        }
        float[] weights = new float[frames];
        if (firstSounding == frames) {
            return weights;
        }
        float reference = RELIABLE_SHARE * sorted[(firstSounding + frames) / 2];
        for (int t = 0; t < frames; t++) {
            weights[t] = strength[t] < silence ? 0 : Math.min(1, strength[t] / reference);
        }
        return weights;
    }
}
