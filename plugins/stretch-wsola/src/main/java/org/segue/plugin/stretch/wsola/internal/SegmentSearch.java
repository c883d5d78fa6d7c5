package org.segue.plugin.stretch.wsola.internal;

import java.util.Arrays;

/**
 * Chooses where the next segment starts: the candidate within {@code ±seek} of the nominal input
 * position whose first {@code overlap} frames look most like the natural continuation of the segment
 * just played (normalised cross-correlation on the mono lane), among the candidates that do not
 * damage a transient.
 *
 * <p>Transient rules, for every onset near the splice (see {@link OnsetDetector}):
 * <ul>
 * <li>A splice from {@code cont} to {@code c} skips ({@code c > cont}) or repeats ({@code c < cont})
 * the input between them and blends the {@code overlap} frames after each; an onset in that span
 * would be dropped or doubled, so such candidates are out. {@code c == cont} is a seamless
 * continuation and always harmless.
 * <li>A segment that plays an onset (in its body or its fade-out) must put it on time: as time runs at
 * speed 1 inside a segment, that means starting {@code (x - nominal) * (1 - rate)} after the nominal
 * position, within {@link StretchParams#timingTolerance} (1 ms). When that start is outside the search
 * window (large ratios, onsets late in the segment) the window edge is the best that can be done.
 * </ul>
 * When the rules leave no candidate, they are dropped for that splice (a very dense passage).
 *
 * <p>Cost: a coarse pass on the low-passed lane, every 4th lag and every 4th frame, then a fine pass
 * on the full-band lane at ±3 frames around the coarse winner; narrow (onset-constrained) windows
 * are searched exhaustively at full resolution. All scratch is allocated here, up front.
 */
final class SegmentSearch {

    private static final int STEP = 4;
    private static final int EXHAUSTIVE = 96;
    /** Penalty (in correlation units) at the edge of the window, so ties go towards the nominal. */
    private static final double CENTER_BIAS = 0.05;

    private final int overlap;
    private final int seek;
    private final int hop;
    private final int tolerance;
    private final int block;
    private final int guard;
    private final boolean[] allowed;
    private final float[] target;
    private final float[] targetLow;
    private final float[] window;
    private final float[] windowLow;
    private final double[] energy;
    private final double[] energyLow;
    private final long[] onsets = new long[16];

    SegmentSearch(StretchParams params) {
        overlap = params.overlap();
        seek = params.seek();
        hop = params.hop();
        tolerance = params.timingTolerance();
        block = params.onsetBlock();
        guard = params.guard();
        int span = 2 * seek + 1;
        allowed = new boolean[span];
        target = new float[overlap];
        targetLow = new float[overlap];
        window = new float[span + overlap];
        windowLow = new float[span + overlap];
        energy = new double[span + overlap + 1];
        energyLow = new double[span + overlap + STEP];
    }

    /**
     * @param cont where the played segment would naturally continue
     * @param nominal where the next segment should start to keep the speed
     * @param rate output frames per input frame around here
     * @return the start of the next segment
     */
    long find(InputRing in, long cont, long nominal, double rate) {
        long lo = nominal - seek;
        int span = 2 * seek + 1;
        boolean contInReach = cont >= nominal - 2L * seek && cont <= nominal + seek;
        boolean contRuleOk = applyOnsetRules(in, cont, nominal, rate, lo, span);
        boolean contAllowed = contInReach && contRuleOk;

        in.copyMono(cont, overlap, target);
        double targetEnergy = 0;
        for (int i = 0; i < overlap; i++) {
            targetEnergy += target[i] * target[i];
        }
        in.copyMono(lo, span - 1 + overlap, window);
        prefix(window, energy, span - 1 + overlap);
        if (targetEnergy < 1e-10 * overlap) {
            // Silence: nothing to match, so go back to the nominal position, dropping any drift.
            return closestAllowed(lo, span, nominal, cont, contAllowed);
        }

        int count = 0;
        for (int j = 0; j < span; j++) {
            if (allowed[j]) {
                count++;
            }
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        if (count <= EXHAUSTIVE) {
            for (int j = 0; j < span; j++) {
                if (allowed[j]) {
                    double s = fineScore(j, targetEnergy);
                    if (s > bestScore) {
                        bestScore = s;
                        best = j;
                    }
                }
            }
        } else {
            int coarse = coarse(in, cont, lo, span);
            for (int j = Math.max(0, coarse - STEP + 1); j < Math.min(span, coarse + STEP); j++) {
                if (allowed[j]) {
                    double s = fineScore(j, targetEnergy);
                    if (s > bestScore) {
                        bestScore = s;
                        best = j;
                    }
                }
            }
        }
        if (contAllowed) {
            // The candidate equals the target, so its correlation is 1.
            double s = 1.0 - bias(cont - nominal);
            // Prefer the seamless continuation unless something is clearly better.
            if (best < 0 || s >= bestScore - 1e-6) {
                return cont;
            }
        }
        return best >= 0 ? lo + best : (contInReach ? cont : nominal);
    }

    /** Fills {@link #allowed}; returns whether {@code cont} itself is allowed. */
    private boolean applyOnsetRules(InputRing in, long cont, long nominal, double rate, long lo, int span) {
        Arrays.fill(allowed, 0, span, true);
        long from = Math.min(cont, lo) - guard - block;
        long to = Math.max(cont, lo + span) + hop + overlap + guard + block;
        int n = in.onsets().collect(from, to, onsets);
        if (n == 0) {
            return true;
        }
        boolean contOk = true;
        int left = 0;
        for (int k = 0; k < n; k++) {
            long xl = onsets[k] - guard;
            long xh = onsets[k] + block + guard;
            // Within a segment time runs at speed 1, so an onset (x - nominal) into it lands
            // (x - nominal) * (1 - rate) early; the segment start that puts it on time:
            double exact = nominal + (onsets[k] + 0.5 * block - nominal) * (1 - rate);
            long target = Math.max(lo, Math.min(lo + span - 1, Math.round(exact)));
            contOk &= timingOk(cont, target, xl, xh);
            for (int j = 0; j < span; j++) {
                long c = lo + j;
                if (c != cont && spliceDamages(c, cont, xl, xh) || !timingOk(c, target, xl, xh)) {
                    allowed[j] = false;
                }
            }
        }
        for (int j = 0; j < span; j++) {
            if (allowed[j] || lo + j == cont && contOk) {
                left++;
            }
        }
        if (left == 0 && !contOk) {
            // No candidate both keeps the onset intact and on time. A seamless continuation keeps it
            // intact (late or early by the drift); only when even that is out of reach, search freely.
            Arrays.fill(allowed, 0, span, false);
            if (cont >= lo && cont < lo + span) {
                allowed[(int) (cont - lo)] = true;
                return true;
            }
            boolean reach = cont >= nominal - 2L * seek && cont <= nominal + seek;
            if (!reach) {
                Arrays.fill(allowed, 0, span, true);
            }
            return reach;
        }
        if (cont >= lo && cont < lo + span) {
            allowed[(int) (cont - lo)] = contOk;
        }
        return contOk;
    }

    /** Does the span a splice from {@code cont} to {@code c} skips or repeats (plus fades) meet [xl, xh)? */
    private boolean spliceDamages(long c, long cont, long xl, long xh) {
        long a = Math.min(c, cont);
        long b = Math.max(c, cont) + overlap;
        return xl < b && a < xh;
    }

    /** A segment at {@code c} playing an onset in [xl, xh) must start near {@code target}. */
    private boolean timingOk(long c, long target, long xl, long xh) {
        boolean plays = xl < c + hop + overlap && c + overlap < xh;
        return !plays || Math.abs(c - target) <= tolerance;
    }

    private long closestAllowed(long lo, int span, long nominal, long cont, boolean contAllowed) {
        int mid = (int) (nominal - lo);
        for (int d = 0; d <= seek; d++) {
            if (mid - d >= 0 && allowed[mid - d]) {
                return lo + mid - d;
            }
            if (mid + d < span && allowed[mid + d]) {
                return lo + mid + d;
            }
        }
        return contAllowed ? cont : nominal;
    }

    private static void prefix(float[] x, double[] sums, int n) {
        double s = 0;
        sums[0] = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * x[i];
            sums[i + 1] = s;
        }
    }

    private double fineScore(int j, double targetEnergy) {
        double dot = 0;
        for (int i = 0; i < overlap; i++) {
            dot += target[i] * window[j + i];
        }
        double e = energy[j + overlap] - energy[j];
        return dot / Math.sqrt(targetEnergy * e + 1e-20) - bias(j - seek);
    }

    private double bias(long deviation) {
        double d = deviation / (double) seek;
        return CENTER_BIAS * d * d;
    }

    /** The best allowed lag on the coarse grid (every STEP-th lag, every STEP-th frame, low-passed). */
    private int coarse(InputRing in, long cont, long lo, int span) {
        in.copyLow(lo, span - 1 + overlap, windowLow);
        in.copyLow(cont, overlap, targetLow);
        int points = overlap / STEP;
        // Energy of the decimated points starting at j: a prefix sum per residue class.
        int n = span - 1 + overlap;
        for (int i = 0; i < STEP; i++) {
            energyLow[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            double v = windowLow[i];
            energyLow[i + STEP] = energyLow[i] + v * v;
        }
        double tEnergy = 0;
        for (int p = 0; p < points; p++) {
            tEnergy += targetLow[p * STEP] * targetLow[p * STEP];
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < span; j += STEP) {
            if (!allowed[j]) {
                continue;
            }
            double dot = 0;
            for (int p = 0, i = j; p < points; p++, i += STEP) {
                dot += targetLow[p * STEP] * windowLow[i];
            }
            double e = energyLow[j + STEP * points] - energyLow[j];
            double s = dot / Math.sqrt(tEnergy * e + 1e-20) - bias(j - seek);
            if (s > bestScore) {
                bestScore = s;
                best = j;
            }
        }
        return best >= 0 ? best : seek;
    }
}
