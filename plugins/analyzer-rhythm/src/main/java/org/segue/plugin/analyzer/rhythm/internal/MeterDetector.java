package org.segue.plugin.analyzer.rhythm.internal;

/**
 * Beats per bar (3 or 4) and which beat starts the bars, from how beats resemble one another.
 *
 * <p>Meter: each beat gets a few cues (its onset accent overall, in the bass and in the treble,
 * the chord change at it, the broad band levels just after it), and each cue is folded at three
 * and at four beats to see which bar length makes its phases differ (see {@link #beatsPerBar}).
 * Four is the default and wins with a backbeat (claps or snares on 2 and 4 repeat every two beats,
 * which a fold of four keeps and a fold of three averages away) or a chord change every four
 * beats; three needs positive evidence of its own, an accent or change every three beats. An
 * earlier version compared how much beats 3 and 6 apart differed with beats 4 and 8 apart; the
 * longer lags of the latter made any gradual change (a chord per bar, sections building up)
 * count against 4/4, and a four-on-the-floor track with chords came out in 3/4.
 *
 * <p>Evidence is weighed against what the measurement can resolve, not only against the cue's own
 * spread. Identical clicks over a steady tone carry no meter, yet their cues are not constant:
 * the flux peak of a click depends on where it falls within a hop (about 6 ms), its band levels on
 * how the 23 ms timbre frames line up with it, and a tone's phase at each click on the tone's
 * period against the beat's. Whenever the beat period is close to a third (or two thirds) more
 * than a whole number of frames or tone periods, these follow a pattern of three beats, exactly
 * or drifting slowly, a few percent or a fraction of a dB in size. Scaled to unit spread they
 * were all the variation there was and, being deterministic, far from chance, and a click track
 * at 127 bpm came out in 3/4. So each cue is expressed in units of its resolution (see
 * {@link #ONSET_PRECISION}, {@link #LEVEL_RESOLUTION}, {@link #CHANGE_RESOLUTION}) and each
 * phase's evidence allows for one of them of systematic error (see {@link #fold}).
 *
 * <p>Downbeat: bars start where the harmony changes and where the bass and kick land, so each
 * phase of the bar is scored by the chord change (chroma distance between the beats before and
 * after) and the low-frequency accent at its beats, each weighed by how consistently it marks
 * one phase (see {@link #phaseEvidence}). The overall
 * accent only counts through its once-a-bar part: in most music with drums the loudest hits are
 * the snare or clap of the backbeat, on beats 2 and 4, and would otherwise pull the bar line onto
 * them.
 */
final class MeterDetector {

    /** Beats per bar and the index of the first downbeat. */
    record Meter(int beatsPerBar, int firstDownbeat) {
    }

    /** Weight of the once-a-bar accent against harmony change and bass. */
    private static final double ACCENT = 0.5;
    /** Beats per block in which the bar length is judged. */
    static final int BLOCK = 48;
    /** How far above chance, in standard deviations, the evidence for 3/4 must be. */
    static final double TRIPLE_SIGMAS = 3;
    /**
     * Resolution of the onset accent at a phase of the bar, as a fraction of the median accent:
     * the flux peak of one and the same click varies by up to ±8 % with where it falls within a
     * hop, and that error follows the beat period's fraction of a frame, so that the phases of a
     * bar can differ by a few percent on identical clicks. A real accent (a louder or fuller
     * first beat, a kick under it) is a third of the median or more.
     */
    static final double ONSET_PRECISION = 0.08;
    /**
     * Least resolution of an onset accent, in flux units (natural-log power rise summed over
     * bands): about a 1 dB rise in a single band. Keeps a band where nothing starts (the bass
     * band under a steady pad) from turning its near-zero ripple into evidence.
     */
    static final double ONSET_FLOOR = 0.25;
    /**
     * Resolution of the broad band levels in dB: they are averaged over timbre frames of about
     * 23 ms, and how those line up with a short click moves a phase's mean level by up to about
     * 1 dB. A bar's first beat with a kick or bass note under it is several dB up.
     */
    static final double LEVEL_RESOLUTION = 1.5;
    /**
     * Resolution of the chord change, a distance between chroma vectors in units of 40 dB per
     * class: 2 dB in one class. A change of chord moves several classes by 10 dB or more.
     */
    static final double CHANGE_RESOLUTION = 0.05;

    private MeterDetector() {
    }

    static Meter detect(OnsetFeatures features, int from, double[] beats) {
        int n = beats.length;
        if (n < 8) {
            return new Meter(4, 0);
        }
        float[] onset = features.onset.array();
        float[] low = features.lowOnset.array();
        int frames = features.frames();
        double[] accent = new double[n];
        double[] lowAccent = new double[n];
        double[] highAccent = new double[n];
        float[] high = features.highOnset.array();
        int width = OnsetFeatures.CHROMA + OnsetFeatures.BANDS;
        double[][] sound = new double[n][OnsetFeatures.BANDS];
        double[][] chroma = new double[n][OnsetFeatures.CHROMA];
        ByteFrames timbre = features.timbre;
        int stride = features.timbreStride;
        for (int i = 0; i < n; i++) {
            int at = from + (int) Math.round(beats[i]);
            accent[i] = max(onset, at - 2, at + 3, frames);
            lowAccent[i] = max(low, at - 2, at + 3, frames);
            highAccent[i] = max(high, at - 2, at + 3, frames);
            double interval = i + 1 < n ? beats[i + 1] - beats[i] : beats[i] - beats[i - 1];
            int t0 = Math.max(0, at / stride);
            int t1 = Math.min(timbre.frames(), (int) Math.ceil((at + interval) / stride));
            int tMid = Math.min(t1, Math.max(t0 + 1, (int) Math.round((at + 0.4 * interval) / stride)));
            for (int t = t0; t < tMid; t++) {
                for (int b = 0; b < OnsetFeatures.BANDS; b++) {
                    sound[i][b] += timbre.get(t, OnsetFeatures.CHROMA + b) / 2.55 / Math.max(1, tMid - t0);
                }
            }
            for (int t = t0; t < t1; t++) {
                for (int c = 0; c < OnsetFeatures.CHROMA; c++) {
                    chroma[i][c] += timbre.get(t, c) / 255.0 / Math.max(1, t1 - t0);
                }
            }
        }
        inUnitsOf(accent, onsetResolution(accent));
        inUnitsOf(lowAccent, onsetResolution(lowAccent));
        inUnitsOf(highAccent, onsetResolution(highAccent));

        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int c = 0; c < OnsetFeatures.CHROMA; c++) {
                double before = 0;
                double after = 0;
                int cb = 0;
                int ca = 0;
                for (int k = Math.max(0, i - 2); k < i; k++) {
                    before += chroma[k][c];
                    cb++;
                }
                for (int k = i; k < Math.min(n, i + 2); k++) {
                    after += chroma[k][c];
                    ca++;
                }
                if (cb > 0 && ca > 0) {
                    double diff = after / ca - before / cb;
                    d += diff * diff;
                }
            }
            change[i] = Math.sqrt(d);
        }
        inUnitsOf(change, CHANGE_RESOLUTION);
        double[][] cues = new double[4 + OnsetFeatures.BANDS][];
        cues[0] = accent;
        cues[1] = lowAccent;
        cues[2] = highAccent;
        cues[3] = change;
        for (int b = 0; b < OnsetFeatures.BANDS; b++) {
            double[] level = new double[n];
            for (int i = 0; i < n; i++) {
                level[i] = sound[i][b];
            }
            inUnitsOf(level, LEVEL_RESOLUTION);
            cues[4 + b] = level;
        }
        int beatsPerBar = beatsPerBar(cues);
        double[] changeEvidence = phaseEvidence(change, beatsPerBar);
        double[] lowEvidence = phaseEvidence(lowAccent, beatsPerBar);
        double[] accentEvidence = phaseEvidence(accent, beatsPerBar);
        int bestPhase = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int phase = 0; phase < beatsPerBar; phase++) {
            double s = changeEvidence[phase] + lowEvidence[phase] + ACCENT * onceABar(accentEvidence, phase);
            if (s > bestScore) {
                bestScore = s;
                bestPhase = phase;
            }
        }
        return new Meter(beatsPerBar, Math.min(bestPhase, n - 1));
    }

    /**
     * 3 when the cues repeat every three beats and more clearly than every four, else 4.
     *
     * <p>Each cue is folded at both bar lengths within blocks of {@value #BLOCK} beats (a slip of
     * the beat tracker or a change of section then only blurs one block) and scored by
     * {@link #periodicity}. A backbeat (period 2) and a chord change or accent every four beats
     * both show at a fold of four and average out at a fold of three, since three is odd and prime
     * to four; only an accent, bass note or chord change every three beats makes a fold of three
     * stand out. Four is the default: three needs that evidence to exceed chance by
     * {@value #TRIPLE_SIGMAS} standard deviations as well as to beat four.
     *
     * @param cues per-beat cues, each centred and in units of its resolution (a difference of one
     *             between beats is the least the measurement resolves; see {@link #fold})
     */
    static int beatsPerBar(double[][] cues) {
        int n = cues[0].length;
        int blocks = Math.max(1, n / BLOCK);
        double triple = 0;
        double duple = 0;
        for (int k = 0; k < blocks; k++) {
            int from = k * n / blocks;
            int to = (k + 1) * n / blocks;
            for (double[] cue : cues) {
                triple += periodicity(cue, from, to, 3);
                duple += periodicity(cue, from, to, 4);
            }
        }
        // Under no period each block's score has mean 0 and variance 2 (m - 1) per cue at most
        // (less, and a negative mean, for cues whose noise is within their resolution).
        double chance = Math.sqrt(2 * (3 - 1) * cues.length * (double) blocks);
        return triple > duple && triple > TRIPLE_SIGMAS * chance ? 3 : 4;
    }

    /**
     * How much {@code x[from..to)} repeats with period {@code m} beyond chance: the squared phase
     * evidences summed, less their expectation (m - 1) for a feature with no such period. A
     * pattern no larger than the resolution scores about zero or less (see {@link #fold}).
     */
    static double periodicity(double[] x, int from, int to, int m) {
        double sum = 0;
        for (double t : fold(x, from, to, m)) {
            sum += t * t;
        }
        return sum - (m - 1);
    }

    /**
     * How strongly a per-beat feature says each phase of the bar is special: the mean at that
     * phase minus the mean over phases, in standard errors (a t statistic). A feature that carries
     * nothing about the bar (identical chroma on every click, no bass at all) gives values near 1
     * and barely counts, one that repeats exactly every bar counts for a lot; standardising by the
     * spread alone would give both the same weight.
     */
    private static double[] phaseEvidence(double[] x, int m) {
        return fold(x, 0, x.length, m);
    }

    /**
     * {@link #phaseEvidence(double[], int)} of {@code x[from..to)}, phases counted from {@code from},
     * with {@code x} in units of its resolution. The standard error of a phase mean has two parts:
     * the beats' spread about their phase means over the root of the number of bars, and one unit
     * of systematic error that no number of bars averages away, since the measurement's errors
     * (a click's position within a hop, a tone's phase at each beat) repeat with the beat period.
     * A pattern that is not larger than that is no evidence however exactly it repeats; it also
     * keeps an exactly periodic feature finite.
     */
    private static double[] fold(double[] x, int from, int to, int m) {
        int length = to - from;
        double[] mean = new double[m];
        int[] count = new int[m];
        for (int i = 0; i < length; i++) {
            mean[i % m] += x[from + i];
            count[i % m]++;
        }
        double overall = 0;
        for (int p = 0; p < m; p++) {
            mean[p] /= Math.max(1, count[p]);
            overall += mean[p] / m;
        }
        double residual = 0;
        for (int i = 0; i < length; i++) {
            double d = x[from + i] - mean[i % m];
            residual += d * d;
        }
        double spread = Math.sqrt(residual / Math.max(1, length - m));
        double perBar = Math.max(1, length / (double) m);
        // Random error, which averages down over the bars, and the systematic one, which does not.
        double error = Math.sqrt(spread * spread / perBar + 1);
        double[] t = new double[m];
        for (int p = 0; p < m; p++) {
            t[p] = (mean[p] - overall) / error;
        }
        return t;
    }

    /**
     * The part of an accent profile that recurs once a bar at {@code phase}. In 4/4 the accent half
     * a bar later is subtracted, which cancels a backbeat (snare on 2 and 4 is no bar line) but
     * keeps an accent on one beat of the bar (a louder first click, a crash).
     */
    private static double onceABar(double[] profile, int phase) {
        int m = profile.length;
        if (m % 2 == 0) {
            return (profile[phase] - profile[(phase + m / 2) % m]) / 2;
        }
        double mean = 0;
        for (double v : profile) {
            mean += v;
        }
        return profile[phase] - mean / m;
    }

    private static double max(float[] x, int from, int to, int limit) {
        double best = 0;
        for (int i = Math.max(0, from); i < Math.min(to, limit); i++) {
            best = Math.max(best, x[i]);
        }
        return best;
    }

    /**
     * Resolution of an onset accent: {@value #ONSET_PRECISION} of the median accent, at least
     * {@value #ONSET_FLOOR}.
     */
    private static double onsetResolution(double[] accents) {
        double[] sorted = accents.clone();
        java.util.Arrays.sort(sorted);
        return Math.max(ONSET_FLOOR, ONSET_PRECISION * sorted[sorted.length / 2]);
    }

    /** Centres {@code x} and expresses it in units of {@code resolution}. */
    private static void inUnitsOf(double[] x, double resolution) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - mean) / resolution;
        }
    }
}
