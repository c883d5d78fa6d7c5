package org.segue.plugin.analyzer.rhythm.internal;

/**
 * Whether tracked beats sit on the beat or half a beat off it, decided by the kick drum.
 *
 * <p>A tracker maximising onset strength at its beats can only tell phase φ from φ + half a
 * beat by which carries more onset strength, and in four-on-the-floor dance music the off-beats
 * usually carry more: open hi-hats (noise, rising in nearly every band), the bass line and chord
 * stabs all sit there, while the kick fills the lowest band alone. Yet listeners, dancers and DJs
 * hear the kick as the beat. So the phase is settled by the low-frequency accents: the kick
 * envelope (amplitude rise between 40 and 150 Hz, where a kick outweighs a bass note) is read at
 * the beats and at the midpoints between them. When it is clearly and consistently stronger at
 * the midpoints, the beats are half a beat off.
 *
 * <p>Two guards keep this to the case it is for. The difference must be significant (a paired
 * t statistic over all beats) and large (a clear ratio), so music without kicks, where the kick
 * envelope only holds bass notes following the harmony, keeps the full envelope's phase; and a
 * kick pattern that lands on and off the beat alike (a breakbeat's kick on 1 and on the "and" of
 * 2) decides nothing. And a backbeat on the current beats vetoes the move: snares or claps
 * alternate on beats 2 and 4, so when the treble alternates at the beats and not at the
 * midpoints, the beats are where the drummer put them.
 */
final class BeatPhase {

    /** Paired t statistic the kick evidence for the midpoints must exceed. */
    static final double SIGNIFICANT = 4;
    /**
     * How much more kick the midpoints must carry than the beats, on average. Half as much again:
     * a loud synth bass on the off-beats can rise in the kick's range about as much as the kick
     * (on the development corpus it reaches 1.25 times the kick's rise while the beats sit on the
     * kicks), whereas a kick between the tracked beats usually outweighs what is on them severalfold.
     */
    static final double RATIO = 1.5;
    /** How far, in standard errors, the backbeat must alternate more at the beats to veto. */
    static final double BACKBEAT = 3;

    private BeatPhase() {
    }

    /**
     * True when the kicks fall between {@code beats} (frames relative to {@code from}) rather
     * than on them.
     */
    static boolean offBeat(double[] beats, float[] kick, float[] high, int from, int to) {
        int pairs = beats.length - 1;
        if (pairs < 8) {
            return false;
        }
        double[] on = new double[pairs];
        double[] off = new double[pairs];
        double[] highOn = new double[pairs];
        double[] highOff = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double interval = beats[i + 1] - beats[i];
            double reach = Math.max(2, interval / 8);
            double mid = beats[i] + interval / 2;
            on[i] = max(kick, from, to, beats[i], reach);
            off[i] = max(kick, from, to, mid, reach);
            highOn[i] = max(high, from, to, beats[i], reach);
            highOff[i] = max(high, from, to, mid, reach);
        }
        double sumOn = 0;
        double sumOff = 0;
        double sumD = 0;
        for (int i = 0; i < pairs; i++) {
            sumOn += on[i];
            sumOff += off[i];
            sumD += off[i] - on[i];
        }
        double meanD = sumD / pairs;
        double var = 0;
        for (int i = 0; i < pairs; i++) {
            double e = off[i] - on[i] - meanD;
            var += e * e;
        }
        double se = Math.sqrt(var / (pairs - 1) / pairs);
        boolean kicksBetween = sumOff > RATIO * sumOn && meanD > SIGNIFICANT * Math.max(se, 1e-12 * sumOff);
        if (!kicksBetween) {
            return false;
        }
        return alternation(highOn) - alternation(highOff) < BACKBEAT;
    }

    /**
     * How much a per-beat accent alternates from beat to beat (even minus odd beats), in standard
     * errors: large for a backbeat on these beats, near zero for an even pulse.
     */
    static double alternation(double[] x) {
        int n = x.length;
        double even = 0;
        double odd = 0;
        int ne = 0;
        int no = 0;
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                even += x[i];
                ne++;
            } else {
                odd += x[i];
                no++;
            }
        }
        even /= Math.max(1, ne);
        odd /= Math.max(1, no);
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - (i % 2 == 0 ? even : odd);
            residual += d * d;
        }
        double sigma = Math.sqrt(residual / Math.max(1, n - 2));
        double se = sigma * Math.sqrt(1.0 / Math.max(1, ne) + 1.0 / Math.max(1, no));
        double scale = (Math.abs(even) + Math.abs(odd)) / 2;
        return Math.abs(even - odd) / Math.max(se, 1e-3 * scale + 1e-12);
    }

    /** The largest value of {@code x} within {@code reach} frames of {@code at} (relative to {@code from}). */
    static double max(float[] x, int from, int to, double at, double reach) {
        int lo = Math.max(from, from + (int) Math.floor(at - reach));
        int hi = Math.min(to - 1, from + (int) Math.ceil(at + reach));
        double best = 0;
        for (int i = lo; i <= hi; i++) {
            best = Math.max(best, x[i]);
        }
        return best;
    }
}
