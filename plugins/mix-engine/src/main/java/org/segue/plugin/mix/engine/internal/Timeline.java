package org.segue.plugin.mix.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.style.TransitionPlan;

/**
 * The whole mix on the master clock: where each track plays, which part of it, and where each
 * transition is. Pure arithmetic on the plan, so a render can start anywhere (previews) and tests
 * can check alignment without audio.
 *
 * <p>Each track plays alone at its own speed between transitions. During transition i the master
 * tempo follows the plan's ramp; a beat-matched transition maps master beat b to beat b after the
 * cue in each track's own grid, so both decks hit every beat together whatever their tempo
 * curves.
 */
final class Timeline {

    /** Resolution of the tabulated beat-to-time integral of a tempo ramp. */
    static final double STEP_BEATS = 1.0 / 64;

    /** One transition placed on the master clock. */
    static final class Placed {
        final int index;
        final TransitionPlan plan;
        final double masterStart;
        final double masterEnd;
        final BeatMap out;
        final BeatMap in;
        private final double[] secondsAtStep;

        Placed(int index, TransitionPlan plan, double masterStart, BeatMap out, BeatMap in) {
            this.index = index;
            this.plan = plan;
            this.masterStart = masterStart;
            this.out = out;
            this.in = in;
            int steps = (int) Math.ceil(plan.lengthBeats() / STEP_BEATS);
            secondsAtStep = new double[steps + 1];
            for (int s = 1; s <= steps; s++) {
                double mid = (s - 0.5) * STEP_BEATS;
                secondsAtStep[s] = secondsAtStep[s - 1] + STEP_BEATS * 60 / plan.tempoRamp().bpmAt(mid);
            }
            this.masterEnd = masterStart + secondsAtStep[steps];
        }

        /** The master beat (0 at the start) at a master time within the transition. */
        double beatAt(double master) {
            double t = master - masterStart;
            if (t <= 0) {
                return t * plan.tempoRamp().bpmAt(0) / 60;
            }
            int lo = 0;
            int hi = secondsAtStep.length - 1;
            if (t >= secondsAtStep[hi]) {
                return hi * STEP_BEATS + (t - secondsAtStep[hi]) * plan.tempoRamp().bpmAt(plan.lengthBeats()) / 60;
            }
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (secondsAtStep[mid] <= t) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double f = (t - secondsAtStep[lo]) / (secondsAtStep[hi] - secondsAtStep[lo]);
            return (lo + f) * STEP_BEATS;
        }

        /** The master time of a beat of this transition. */
        double masterTimeOf(double beat) {
            double steps = beat / STEP_BEATS;
            int i = (int) Math.min(Math.floor(steps), secondsAtStep.length - 2);
            double f = steps - i;
            return masterStart + secondsAtStep[i] + f * (secondsAtStep[i + 1] - secondsAtStep[i]);
        }
    }

    /** Where one track is audible and what it plays. */
    record Span(double masterStart, double masterEnd, double soloStart, double soloEnd, double soloTrackStart) {
    }

    private final List<MixTrack> tracks;
    private final List<Placed> transitions = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();
    private final List<String> adjustments = new ArrayList<>();

    Timeline(List<MixTrack> tracks, List<TransitionPlan> plans) {
        this.tracks = List.copyOf(tracks);
        double soloStart = 0;
        double soloTrackStart = 0;
        double previousStart = 0;
        for (int i = 0; i < tracks.size(); i++) {
            MixTrack t = tracks.get(i);
            double start = i == 0 ? 0 : previousStart;
            if (i == tracks.size() - 1) {
                double end = soloStart + Math.max(0, t.duration() - soloTrackStart);
                spans.add(new Span(start, end, soloStart, end, soloTrackStart));
                break;
            }
            TransitionPlan plan = plans.get(i);
            MixTrack next = tracks.get(i + 1);
            double outCue = cueAfter(t, plan.outgoingCueSeconds(), soloTrackStart, i);
            BeatMap out = plan.beatMatched() ? BeatMap.locked(t.grid(), outCue, t.bpm()) : BeatMap.free(outCue, plan.tempoRamp().bpmAt(0));
            BeatMap in = plan.beatMatched()
                    ? BeatMap.locked(next.grid(), plan.incomingCueSeconds(), next.bpm())
                    : BeatMap.free(plan.incomingCueSeconds(), plan.tempoRamp().bpmAt(0));
            Placed placed = new Placed(i, plan, soloStart + (outCue - soloTrackStart), out, in);
            transitions.add(placed);
            spans.add(new Span(start, placed.masterEnd, soloStart, placed.masterStart, soloTrackStart));
            previousStart = placed.masterStart;
            soloStart = placed.masterEnd;
            soloTrackStart = in.trackTime(plan.lengthBeats());
        }
    }

    /**
     * The outgoing cue, moved later by whole bars when the plan's cue lies before where the track
     * already is (a short track, or a long transition into it).
     */
    private double cueAfter(MixTrack t, double cue, double reached, int index) {
        if (cue >= reached) {
            return cue;
        }
        double bar = (t.grid() == null ? 4 : t.grid().beatsPerBar()) * 60 / t.bpm();
        double moved = cue + Math.ceil((reached - cue) / bar) * bar;
        adjustments.add(String.format(java.util.Locale.ROOT,
                "transition %d: outgoing cue %.2f s moved to %.2f s, after the part already played", index + 1, cue, moved));
        return moved;
    }

    List<MixTrack> tracks() {
        return tracks;
    }

    List<Placed> transitions() {
        return transitions;
    }

    List<Span> spans() {
        return spans;
    }

    /** Cue points the plans asked for that could not be kept, in words. */
    List<String> adjustments() {
        return adjustments;
    }

    double length() {
        return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).masterEnd();
    }

    /**
     * Track {@code i}'s own time at a master time, or NaN when it is not playing then. In a
     * transition the outgoing deck follows its beat map; outside, the track plays at speed 1.
     */
    double trackTime(int i, double master) {
        Span s = spans.get(i);
        if (master < s.masterStart() || master >= s.masterEnd()) {
            return Double.NaN;
        }
        if (i > 0 && master < s.soloStart()) {
            Placed p = transitions.get(i - 1);
            return p.in.trackTime(p.beatAt(master));
        }
        if (master < s.soloEnd() || i == tracks.size() - 1) {
            return s.soloTrackStart() + (master - s.soloStart());
        }
        Placed p = transitions.get(i);
        return p.out.trackTime(p.beatAt(master));
    }

    /**
     * Track {@code i}'s time at a master time a little before it becomes audible, continuing its
     * mapping backwards: a deck that enters mid-block must start its first block from there, or
     * it plays late by the part of the block before its entry.
     */
    double trackTimeBefore(int i, double master) {
        Span s = spans.get(i);
        if (master >= s.masterStart()) {
            return trackTime(i, master);
        }
        if (i > 0) {
            Placed p = transitions.get(i - 1);
            return p.in.trackTime(p.beatAt(master));
        }
        return s.soloTrackStart() + (master - s.soloStart());
    }

    /** The transition under way at a master time, or null. */
    Placed transitionAt(double master) {
        for (Placed p : transitions) {
            if (master >= p.masterStart && master < p.masterEnd) {
                return p;
            }
        }
        return null;
    }
}
