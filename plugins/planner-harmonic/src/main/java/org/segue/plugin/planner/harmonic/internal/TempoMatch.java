package org.segue.plugin.planner.harmonic.internal;

/**
 * Tempo proximity of two tracks, half and double time aware.
 *
 * <p>The incoming tempo is compared with the outgoing one as it is, doubled and halved, and the
 * closest of the three counts: a 64 bpm track after a 128 bpm one needs no stretch at all (it is
 * beat-matched in half time). With {@code r} that closest ratio, the stretch is {@code |ln r|} and
 * <pre>
 *   T = 1 / (1 + (|ln r| / ln 1.06)^4)
 * </pre>
 * which is about 1 up to 2–3 % (0.99 at 2 %), 0.5 at 6 %, 0.25 at 8 % and under 0.1 beyond 11 %:
 * a time stretch of more than 6–8 % is audible on most material, so such transitions fall off fast.
 */
final class TempoMatch {

    /** The stretch that halves the score. */
    static final double HALF_SCORE_STRETCH = StrictMath.log(1.06);

    /**
     * How the incoming tempo meets the outgoing one.
     *
     * @param score T, 0..1
     * @param change the incoming tempo (after halving or doubling) over the outgoing one, minus 1;
     *        {@code +0.016} reads "+1.6 %"
     * @param octave {@code +1} when the incoming tempo counts double (a half-time track), {@code -1}
     *        when it counts half (a double-time track), else 0
     */
    record Fit(double score, double change, int octave) {
    }

    private TempoMatch() {
    }

    /** The fit of {@code toBpm} after {@code fromBpm}, both positive and finite. */
    static Fit fit(double fromBpm, double toBpm) {
        double logRatio = StrictMath.log(toBpm / fromBpm);
        int octave = 0;
        double best = logRatio;
        double ln2 = StrictMath.log(2);
        if (Math.abs(logRatio + ln2) < Math.abs(best)) {
            octave = 1;
            best = logRatio + ln2;
        }
        if (Math.abs(logRatio - ln2) < Math.abs(best)) {
            octave = -1;
            best = logRatio - ln2;
        }
        double q = best / HALF_SCORE_STRETCH;
        double score = 1 / (1 + q * q * q * q);
        return new Fit(score, StrictMath.exp(best) - 1, octave);
    }
}
