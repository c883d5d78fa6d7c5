package org.segue.plugin.style.classic.internal;

import java.util.Locale;

/** The master tempo a beat-matched transition ramps to. */
final class Tempos {

    private Tempos() {
    }

    /**
     * The tempo to end on: the set's target when the incoming track can be stretched there within
     * {@link PairFacts#STRETCH_LIMIT}, else the incoming's own tempo at its cue.
     */
    static double end(TrackFacts in, double incomingSeconds, double targetBpm) {
        double own = in.bpmAt(incomingSeconds);
        return Math.abs(targetBpm / own - 1) <= PairFacts.STRETCH_LIMIT ? targetBpm : own;
    }

    /** A step change at the cut, in words: {@code "the tempo switches from 90.0 bpm to 94.0 bpm at the cut"}. */
    static String stepWords(double fromBpm, double toBpm) {
        if (Math.abs(fromBpm - toBpm) < 0.05) {
            return "the tempo holds at " + Words.bpm(fromBpm);
        }
        return "the tempo switches from " + Words.bpm(fromBpm) + " to " + Words.bpm(toBpm) + " at the cut";
    }

    /**
     * A warning for beat-matched plans made for tracks beyond the stretch limit (a user may force a
     * style the planner would not pick), or empty.
     */
    static String stretchWarning(PairFacts pair) {
        double deviation = pair.tempoDeviation();
        if (!(deviation > PairFacts.STRETCH_LIMIT)) {
            return "";
        }
        return String.format(Locale.ROOT, " The tempi are %.0f %% apart, so the stretch will be audible.",
                deviation * 100);
    }

    /** How the tempo moves, in words: {@code "the tempo ramps from 124.0 bpm to 126.0 bpm"}. */
    static String words(double fromBpm, double toBpm, String when) {
        if (Math.abs(fromBpm - toBpm) < 0.05) {
            return "the tempo holds at " + Words.bpm(fromBpm);
        }
        return "the tempo ramps from " + Words.bpm(fromBpm) + " to " + Words.bpm(toBpm) + " " + when;
    }
}
