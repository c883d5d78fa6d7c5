package org.segue.plugin.analyzer.timbre.internal;

import java.util.Arrays;

/**
 * Energy per 0.5 s slot on two scales, from the K-weighting-like band level of
 * {@link FeatureTimeline#weightedPower}:
 * <ul>
 * <li>absolute, comparable across tracks ({@code segue.energy}): the level mapped linearly from
 * −50 dB (0) to −5 dB (1), a mastered club track's loud sections reading around 0.85;</li>
 * <li>relative to the track ({@code segue.energy.relative}): 1 at the track's loudest slot and
 * 0 at its quietest audible slot (within 40 dB of the loudest and above −70 dB, so silence
 * around the music does not squash the music's own dynamics near 1), over at least a 6 dB span
 * so a flat track does not amplify its ripples.</li>
 * </ul>
 * Also the level dynamics that enter the embedding.
 */
final class EnergyCurves {

    static final double FLOOR_DB = -50;
    static final double CEILING_DB = -5;
    private static final double MIN_SPAN_DB = 6;
    private static final double MAX_SPAN_DB = 40;
    /** Slots quieter than this are silence for the dynamics statistics. */
    private static final double AUDIBLE_DB = -70;

    final float[] absolute;
    final float[] relative;
    /** Standard deviation of the audible slots' level, dB. */
    final double levelSpreadDb;
    /** 95th minus 10th percentile of the audible slots' level, dB: a loudness range. */
    final double levelRangeDb;
    /** Loudest slot minus mean audible level, dB: how much the peaks stand out. */
    final double levelCrestDb;

    EnergyCurves(FeatureTimeline timeline) {
        int n = timeline.slots();
        double[] db = new double[n];
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            db[i] = timeline.levelDb(i);
            hi = Math.max(hi, db[i]);
        }
        // The floor is the quietest audible slot: digital silence before and after the music
        // must not stretch the scale and squash the music's own dynamics near 1.
        double audibleFloor = Math.max(AUDIBLE_DB, hi - MAX_SPAN_DB);
        double quietest = hi;
        for (double v : db) {
            if (v > audibleFloor) {
                quietest = Math.min(quietest, v);
            }
        }
        double span = Math.max(MIN_SPAN_DB, hi - quietest);
        absolute = new float[n];
        relative = new float[n];
        for (int i = 0; i < n; i++) {
            absolute[i] = (float) clamp((db[i] - FLOOR_DB) / (CEILING_DB - FLOOR_DB));
            relative[i] = (float) clamp((db[i] - (hi - span)) / span);
        }
        double[] audible = Arrays.stream(db).filter(v -> v > AUDIBLE_DB).sorted().toArray();
        if (audible.length == 0) {
            levelSpreadDb = 0;
            levelRangeDb = 0;
            levelCrestDb = 0;
        } else {
            double mean = Arrays.stream(audible).average().orElse(0);
            double squares = Arrays.stream(audible).map(v -> (v - mean) * (v - mean)).sum();
            levelSpreadDb = Math.sqrt(squares / audible.length);
            levelRangeDb = audible[(int) Math.round(0.95 * (audible.length - 1))]
                    - audible[(int) Math.round(0.10 * (audible.length - 1))];
            levelCrestDb = audible[audible.length - 1] - mean;
        }
    }

    /** Mean absolute energy over the track. */
    double meanAbsolute() {
        double s = 0;
        for (float v : absolute) {
            s += v;
        }
        return absolute.length == 0 ? 0 : s / absolute.length;
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
