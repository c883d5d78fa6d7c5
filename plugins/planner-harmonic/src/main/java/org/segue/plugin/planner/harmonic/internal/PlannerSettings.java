package org.segue.plugin.planner.harmonic.internal;

/**
 * The planner's configuration, validated: what {@link HarmonicPlanner.Config} becomes once read.
 *
 * <p>The score of a transition is {@code harmonicWeight·H + tempoWeight·T + energyWeight·E −
 * varietyWeight·(1 − V)} (see {@link PairScorer}); the defaults make the three positive weights sum
 * to 1, so a transition scores at most 1, and make a same-artist pair cost a whole transition's
 * worth, more than any harmonic, tempo or energy gain of one transition.
 *
 * @param harmonicWeight weight of the Camelot compatibility H, {@code >= 0}
 * @param tempoWeight weight of the tempo proximity T, {@code >= 0}
 * @param energyWeight weight of the energy-arc fit E, {@code >= 0}
 * @param varietyWeight the penalty for the same artist twice in a row, {@code >= 0}
 * @param pitchShiftPenalty what each semitone of pitch shift takes off H, {@code 0..1}
 * @param exactUpTo the largest set ordered by the exact search, {@code 1..}{@link #MAX_EXACT}; larger
 *        sets go to the heuristic search
 */
record PlannerSettings(double harmonicWeight, double tempoWeight, double energyWeight, double varietyWeight,
        double pitchShiftPenalty, int exactUpTo) {

    /**
     * The exact search keeps {@code 2^n · n} partial scores: 16 tracks take about 10 MB and well under
     * a second; 20 would take 160 MB, which a planner on a shared engine must not grab.
     */
    static final int MAX_EXACT = 16;

    static final PlannerSettings DEFAULTS = new PlannerSettings(0.4, 0.3, 0.3, 1.0, 0.1, 12);

    PlannerSettings {
        checkWeight("harmonicWeight", harmonicWeight);
        checkWeight("tempoWeight", tempoWeight);
        checkWeight("energyWeight", energyWeight);
        checkWeight("varietyWeight", varietyWeight);
        if (!(pitchShiftPenalty >= 0 && pitchShiftPenalty <= 1)) {
            throw new IllegalArgumentException("pitchShiftPenalty must be within 0..1: " + pitchShiftPenalty);
        }
        if (exactUpTo < 1 || exactUpTo > MAX_EXACT) {
            throw new IllegalArgumentException("exactUpTo must be within 1.." + MAX_EXACT + ": " + exactUpTo);
        }
    }

    private static void checkWeight(String name, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(name + " must be within 0..100: " + value);
        }
    }
}
