package org.segue.plugin.mix.engine.internal;

import java.util.List;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.style.DjStyle;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;
import org.segue.support.usage.PluginUsage;

/** Picks the style for one transition: the one asked for, else the most suitable; a failing style falls back to the next. */
final class StyleChooser {

    /** A registered style with its id. */
    record Entry(String id, DjStyle style) {
    }

    private StyleChooser() {
    }

    /**
     * Plans a transition.
     *
     * @param preferred a style id the user asked for, or null
     * @param usage receives the time of each style's {@code plan} call and whether it threw
     * @throws IllegalStateException when no style can plan it
     */
    static TransitionPlan plan(List<Entry> styles, String preferred, AnalysisResults out, AnalysisResults in,
            double targetBpm, double pitchSemitones, PluginUsage usage) {
        List<Entry> ranked = styles.stream()
                .sorted((a, b) -> Double.compare(score(b, preferred, out, in), score(a, preferred, out, in)))
                .toList();
        StringBuilder failures = new StringBuilder();
        if (preferred != null && styles.stream().noneMatch(e -> e.id().equals(preferred))) {
            failures.append(preferred).append(" is not installed; ");
        } else if (preferred != null && score(ranked.get(0), preferred, out, in) < 2) {
            failures.append(preferred).append(" cannot mix these two tracks (suitability 0); ");
        }
        for (Entry e : ranked) {
            if (score(e, preferred, out, in) <= 0) {
                break;
            }
            long start = System.nanoTime();
            try {
                TransitionPlan p = e.style().plan(new TransitionRequest(out, in, null, targetBpm));
                usage.add(e.style().getClass(), e.id(), System.nanoTime() - start, true);
                if (failures.length() > 0) {
                    p = withNote(p, "Instead of the style asked for: " + failures.toString().replaceAll("; $", "") + ".");
                }
                return pitchSemitones == 0 ? p : withPitch(p, pitchSemitones);
            } catch (RuntimeException ex) {
                usage.add(e.style().getClass(), e.id(), System.nanoTime() - start, false);
                failures.append(e.id()).append(" failed: ").append(ex.getMessage()).append("; ");
            }
        }
        throw new IllegalStateException("no DJ style could plan this transition"
                + (failures.length() == 0 ? " (no style is installed or suitable)" : ": " + failures));
    }

    private static double score(Entry e, String preferred, AnalysisResults out, AnalysisResults in) {
        double s;
        try {
            s = e.style().suitability(out, in);
        } catch (RuntimeException broken) {
            return 0;
        }
        // The user's style wins whenever it can do the transition at all.
        return e.id().equals(preferred) && s > 0 ? 2 + s : s;
    }

    private static TransitionPlan withNote(TransitionPlan p, String note) {
        return new TransitionPlan(p.styleId(), p.outgoingCueSeconds(), p.incomingCueSeconds(), p.lengthBars(),
                p.beatsPerBar(), p.beatMatched(), p.tempoRamp(), p.incomingPitchShiftSemitones(), p.lanes(),
                p.explanation() + " " + note);
    }

    private static TransitionPlan withPitch(TransitionPlan p, double semitones) {
        return new TransitionPlan(p.styleId(), p.outgoingCueSeconds(), p.incomingCueSeconds(), p.lengthBars(),
                p.beatsPerBar(), p.beatMatched(), p.tempoRamp(), semitones, p.lanes(),
                p.explanation() + String.format(java.util.Locale.ROOT, " The incoming track is shifted %+.0f semitone%s to fit the key.",
                        semitones, Math.abs(semitones) == 1 ? "" : "s"));
    }
}
