package org.segue.plugin.style.classic.internal;

import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.StructureSegment;

/**
 * Cue selection for crossfades without beat matching: the outgoing fades where it is quietest
 * late in the track (in its outro when it has one, never over trailing silence); the incoming
 * enters at its start. With a grid the cues still snap to downbeats, preferring phrase boundaries,
 * because even an unmatched fade sounds better starting on a bar.
 */
final class QuietPoints {

    /** Without an outro, the fade may start no earlier than this share of the track. */
    private static final double LATE_SHARE = 0.6;
    /** Search step for tracks without a grid. */
    private static final double STEP_SECONDS = 0.5;
    /** How much later candidates are favoured, in energy units over the search range. */
    private static final double LATENESS_BONUS = 0.03;

    private QuietPoints() {
    }

    /**
     * Where the outgoing should start a fade of {@code fadeSeconds}.
     *
     * @throws IllegalArgumentException if the track is shorter than the fade
     */
    static Cue mixOut(TrackFacts out, double fadeSeconds, int phraseBars) {
        if (out.duration() < fadeSeconds) {
            throw new IllegalArgumentException("the outgoing track is shorter than the fade");
        }
        double latest = Math.max(0, Math.min(out.audibleEnd(), out.duration()) - fadeSeconds);
        StructureSegment outro = out.last(SegmentLabel.OUTRO).orElse(null);
        double earliest = outro != null ? outro.startSeconds() : out.duration() * LATE_SHARE;
        earliest = Math.min(earliest, latest);
        String where = outro != null ? "in its outro" : "late in the track";
        String how = out.hasEnergy() || !out.sections().isEmpty() ? ", where it is quietest" : ", as late as the fade allows";

        if (out.hasGrid()) {
            int first = (int) Math.ceil(out.barPosition(earliest) - 1e-6);
            int last = (int) Math.floor(out.barPosition(latest) + 1e-6);
            int best = pick(out, fadeSeconds, first, last, phraseBars, earliest, latest);
            if (best == Integer.MIN_VALUE) {
                best = pick(out, fadeSeconds, first, last, 1, earliest, latest);
            }
            if (best != Integer.MIN_VALUE) {
                String phrase = Math.floorMod(best, phraseBars) == 0 ? ", on a phrase boundary" : ", on a downbeat";
                return new Cue(best, out.downbeat(best), where + how + phrase);
            }
            // No whole bar fits (a very short track): fall through to a plain time.
        }
        double bestTime = latest;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double t = earliest; t <= latest + 1e-9; t += STEP_SECONDS) {
            double score = score(out, Math.min(t, latest), fadeSeconds, earliest, latest);
            if (score < bestScore) {
                bestScore = score;
                bestTime = Math.min(t, latest);
            }
        }
        return Cue.atTime(bestTime, where + how);
    }

    /** Where the incoming enters: its first downbeat with a grid, else where it becomes audible. */
    static Cue mixIn(TrackFacts in) {
        if (in.hasGrid() && in.downbeat(0) >= 0) {
            return new Cue(0, in.downbeat(0), "its first downbeat, the start of its intro");
        }
        double start = in.audibleStart();
        return Cue.atTime(start, start > 0 ? "where it becomes audible" : "its start");
    }

    /** The bar (a multiple of {@code step}) with the best score, or {@code Integer.MIN_VALUE}. */
    private static int pick(TrackFacts out, double fade, int first, int last, int step, double earliest, double latest) {
        int best = Integer.MIN_VALUE;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int bar = Math.max(0, Phrases.floor(first + step - 1, step)); bar <= last; bar += step) {
            double t = out.downbeat(bar);
            if (t + fade > out.duration() + 1e-9) {
                continue;
            }
            double score = score(out, t, fade, earliest, latest);
            if (score < bestScore) {
                bestScore = score;
                best = bar;
            }
        }
        return best;
    }

    /** Lower is better: the mean energy under the fade, with a slight preference for later points. */
    private static double score(TrackFacts out, double t, double fade, double earliest, double latest) {
        double energy = out.meanEnergy(t, t + fade);
        double lateness = latest > earliest ? (t - earliest) / (latest - earliest) : 1;
        return (Double.isNaN(energy) ? 0 : energy) - LATENESS_BONUS * lateness;
    }
}
