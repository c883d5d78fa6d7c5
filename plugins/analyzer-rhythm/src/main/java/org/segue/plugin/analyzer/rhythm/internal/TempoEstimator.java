package org.segue.plugin.analyzer.rhythm.internal;

/**
 * The main tempo of a stretch of envelope, from the average of its windowed autocorrelations.
 *
 * <p>Every candidate beat period τ in the configured range is scored by how well the whole
 * metrical hierarchy it implies is present: the beat (τ), the bar-level multiples (2τ, 3τ, 4τ) and
 * the subdivision (τ/2), each read as the nearest autocorrelation peak. A log-Gaussian prior over
 * tempo, centred where listeners most often tap (Moelants, around 120 BPM), breaks the octave ties
 * that periodicity alone cannot.
 *
 * <p>One octave error survives both: in drum and bass the half-bar (kick, snare) repeats more
 * strongly than the beat, so the periodicity points to half the tempo listeners tap. The
 * backbeat settles it (Goto and Muraoka's observation that snares and claps fall on alternate
 * beats): at the true beat period τ the treble onsets repeat more strongly at 2τ than at τ. The
 * estimate moves to the faster octave when that alternation is clear there and absent at the
 * slower one, and only when the faster level is itself a pulse, so a waltz's empty off-beats
 * or a ballad's lightly accented arpeggio do not double the tempo. It also moves there when the
 * half period is as periodic as the period: an even pulse is counted, not grouped. The same
 * backbeat rule vetoes that: when the treble alternates at the period itself (claps on 2 and 4
 * at 92 BPM), the period is the beat, however even the hi-hats on the eighths between make the
 * half period look.
 */
final class TempoEstimator {

    /** Centre of the tempo prior, BPM. */
    static final double PRIOR_BPM = 120;
    /** Width of the prior in octaves (one standard deviation). */
    static final double PRIOR_OCTAVES = 1.0;
    private static final double GRID_STEP = 0.005;
    /** Treble alternation (autocorrelation at 2τ minus at τ) that counts as a backbeat. */
    static final double BACKBEAT = 0.18;
    /** Autocorrelation at a period that counts as a pulse being present. */
    private static final double PULSE = 0.2;
    /**
     * How much more (relative) the treble must follow the bass by one period than coincide with
     * it for the two to alternate; a treble accent on the bass's own beats gives about zero.
     */
    private static final double ANTIPHASE = 0.1;
    /** Share of the beat's periodicity at which the half period counts as an equal pulse. */
    private static final double EVEN = 0.9;

    /** A tempo with how much it stood out; {@code period} is in envelope frames. */
    record Estimate(double bpm, double period, double confidence, double salience) {
    }

    private final double fps;
    private final double minBpm;
    private final double maxBpm;

    TempoEstimator(double fps, double minBpm, double maxBpm) {
        this.fps = fps;
        this.minBpm = minBpm;
        this.maxBpm = maxBpm;
    }

    /** The average normalised autocorrelation of all windows of {@code envelope[from..to)}. */
    static float[] averageAcf(Tempogram tempogram, float[] envelope, int from, int to) {
        int lags = tempogram.maxLag() + 1;
        float[] sum = new float[lags];
        float[] one = new float[lags];
        int windows = tempogram.windowCount(to - from);
        double weights = 0;
        for (int w = 0; w < windows; w++) {
            double energy = tempogram.window(envelope, from, to, w, one);
            if (energy <= 0) {
                continue;
            }
            // Each window counts once whatever its loudness, so a quiet intro weighs like a drop;
            // windows that carry almost nothing (silence, fades) still count less.
            double weight = 1;
            for (int lag = 0; lag < lags; lag++) {
                sum[lag] += (float) (weight * one[lag]);
            }
            weights += weight;
        }
        if (weights > 0) {
            for (int lag = 0; lag < lags; lag++) {
                sum[lag] /= (float) weights;
            }
        }
        return sum;
    }

    /** How well beat period {@code period} (frames) explains the periodicities in {@code acf}. */
    double salience(float[] acf, double period) {
        int n = acf.length;
        double tol = Math.max(1.0, 0.02 * period);
        double beat = Tempogram.peakNear(acf, n, period, tol);
        double two = Tempogram.peakNear(acf, n, 2 * period, 2 * tol);
        double three = Tempogram.peakNear(acf, n, 3 * period, 3 * tol);
        double four = Tempogram.peakNear(acf, n, 4 * period, 4 * tol);
        double half = Tempogram.peakNear(acf, n, period / 2, Math.max(1.0, tol / 2));
        double bar = Math.max(two + four, 2 * three) / 2;
        return beat + 0.5 * bar + 0.25 * Math.max(0, half);
    }

    static double prior(double bpm) {
        double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2) / PRIOR_OCTAVES;
        return Math.exp(-0.5 * octaves * octaves);
    }

    /**
     * The best tempo in the configured range, or {@code null} when the envelope has no pulse.
     *
     * @param acf autocorrelation of the full onset envelope
     * @param treble autocorrelation of the treble onset envelope
     */
    Estimate estimate(float[] acf, float[] treble) {
        return estimate(acf, treble, null);
    }

    /**
     * As {@link #estimate(float[], float[])}, with the bass and treble onset envelopes to tell a
     * backbeat (treble between the kicks) from a treble accent on the bar line.
     */
    Estimate estimate(float[] acf, float[] treble, Drums drums) {
        double bestScore = 0;
        double bestBpm = 0;
        double bestSalience = 0;
        double secondScore = 0;
        for (double lb = Math.log(minBpm); lb <= Math.log(maxBpm) + 1e-9; lb += GRID_STEP) {
            double bpm = Math.exp(lb);
            double period = 60 * fps / bpm;
            if (4 * period >= acf.length - 1 && period * 1.05 >= acf.length - 1) {
                continue;
            }
            double s = salience(acf, period);
            double score = Math.max(0, s) * prior(bpm);
            if (score > bestScore) {
                bestScore = score;
                bestBpm = bpm;
                bestSalience = s;
            }
        }
        if (bestScore <= 0) {
            return null;
        }
        // The runner-up is the best candidate that is not the same pulse (within 6%).
        for (double lb = Math.log(minBpm); lb <= Math.log(maxBpm) + 1e-9; lb += GRID_STEP) {
            double bpm = Math.exp(lb);
            if (Math.abs(Math.log(bpm / bestBpm)) < 0.06) {
                continue;
            }
            double period = 60 * fps / bpm;
            double score = Math.max(0, salience(acf, period)) * prior(bpm);
            secondScore = Math.max(secondScore, score);
        }
        double period = 60 * fps / bestBpm;
        if (2 * bestBpm <= maxBpm && (backbeatIsFaster(acf, treble, period)
                || evenPulse(acf, period) && !backbeatAt(treble, drums, period))) {
            period /= 2;
        }
        period = refine(acf, period);
        double confidence = Math.max(0, Math.min(1, 1 - secondScore / bestScore)) * Math.min(1, bestSalience);
        return new Estimate(60 * fps / period, period, confidence, bestSalience);
    }

    /** True when the backbeat alternates at half of {@code period} and not at {@code period}. */
    static boolean backbeatIsFaster(float[] acf, float[] treble, double period) {
        int n = treble.length;
        double tol = Math.max(1.0, 0.02 * period);
        double half = Tempogram.peakNear(treble, n, period / 2, tol / 2);
        double one = Tempogram.peakNear(treble, n, period, tol);
        double two = Tempogram.peakNear(treble, n, 2 * period, 2 * tol);
        double fasterAlternation = one - half;
        double alternation = two - one;
        return fasterAlternation > BACKBEAT && alternation < fasterAlternation / 2
                && Tempogram.peakNear(acf, acf.length, period / 2, tol / 2) > PULSE;
    }

    /**
     * True when the music has a backbeat at {@code period}: the treble onsets repeat more strongly
     * every two periods than every one, as snares or claps on beats 2 and 4 do, and they land
     * between the bass onsets rather than on them (kick on 1 and 3, clap on 2 and 4). That makes
     * the period the beat, whatever fills the subdivisions between. Without the second condition a
     * treble accent on each bar line (a higher first click, a crash) would pass for a backbeat.
     */
    static boolean backbeatAt(float[] treble, Drums drums, double period) {
        if (drums == null) {
            return false;
        }
        int n = treble.length;
        double tol = Math.max(1.0, 0.02 * period);
        double one = Tempogram.peakNear(treble, n, period, tol);
        double two = Tempogram.peakNear(treble, n, 2 * period, 2 * tol);
        double between = drums.correlation(period, tol);
        double on = drums.correlation(0, tol);
        return two - one > BACKBEAT && between > 0 && between - on > ANTIPHASE * Math.abs(on);
    }

    /**
     * The bass and treble onset envelopes of a stretch, {@code [from, to)}: where the kick lands
     * against the snare.
     */
    record Drums(float[] low, float[] high, int from, int to) {

        /**
         * The highest correlation of the bass onsets with the treble onsets {@code lag} frames
         * later, within ±{@code tolerance} frames of it.
         */
        double correlation(double lag, double tolerance) {
            int n = to - from;
            double lowMean = 0;
            double highMean = 0;
            for (int i = from; i < to; i++) {
                lowMean += low[i];
                highMean += high[i];
            }
            lowMean /= Math.max(1, n);
            highMean /= Math.max(1, n);
            double lowVar = 0;
            double highVar = 0;
            for (int i = from; i < to; i++) {
                lowVar += (low[i] - lowMean) * (low[i] - lowMean);
                highVar += (high[i] - highMean) * (high[i] - highMean);
            }
            double norm = Math.sqrt(lowVar * highVar);
            if (!(norm > 1e-12)) {
                return 0;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int l = (int) Math.ceil(lag - tolerance); l <= (int) Math.floor(lag + tolerance); l++) {
                double sum = 0;
                for (int i = Math.max(from, from - l); i < Math.min(to, to - l); i++) {
                    sum += (low[i] - lowMean) * (high[i + l] - highMean);
                }
                best = Math.max(best, sum / norm);
            }
            return best;
        }
    }

    /**
     * True when the half period is as periodic as the period itself: every subdivision carries
     * an onset as strong as the beat's (an even click or a steady strum), so the faster level is
     * the pulse and the slower one only a grouping of it.
     */
    static boolean evenPulse(float[] acf, double period) {
        int n = acf.length;
        double tol = Math.max(1.0, 0.02 * period);
        double one = Tempogram.peakNear(acf, n, period, tol);
        double half = Tempogram.peakNear(acf, n, period / 2, tol / 2);
        return one > PULSE && half >= EVEN * one;
    }

    /**
     * Sharpens a period to the autocorrelation peak near it, using the peaks at its multiples too
     * (a peak at 4τ pins τ four times more finely), with parabolic interpolation.
     */
    static double refine(float[] acf, double period) {
        double sum = 0;
        double weights = 0;
        for (int h = 1; h <= 4; h++) {
            double target = h * period;
            int lo = (int) Math.floor(target - Math.max(1.5, 0.03 * target));
            int hi = (int) Math.ceil(target + Math.max(1.5, 0.03 * target));
            if (lo < 1 || hi >= acf.length - 1) {
                break;
            }
            int best = lo;
            for (int i = lo; i <= hi; i++) {
                if (acf[i] > acf[best]) {
                    best = i;
                }
            }
            if (best == lo || best == hi || acf[best] <= 0) {
                continue;
            }
            double a = acf[best - 1];
            double b = acf[best];
            double c = acf[best + 1];
            double denominator = a - 2 * b + c;
            double offset = denominator < 0 ? 0.5 * (a - c) / denominator : 0;
            double weight = acf[best] * h;
            sum += weight * (best + offset) / h;
            weights += weight;
        }
        return weights > 0 ? sum / weights : period;
    }
}
