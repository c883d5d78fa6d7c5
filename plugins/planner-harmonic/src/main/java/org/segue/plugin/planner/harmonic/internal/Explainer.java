package org.segue.plugin.planner.harmonic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.segue.api.analysis.Mode;
import org.segue.api.mix.EnergyArc;
import org.segue.api.mix.TransitionScore;

/**
 * Puts a transition's score into words, e.g. {@code "8A → 9A (Camelot neighbour); 124.0 → 126.0 bpm
 * (+1.6%); energy 0.62 → 0.71, rising towards the peak (arc 0.70)"}. Unknown inputs are named as
 * such, so a user sees why a transition scored neutrally.
 */
final class Explainer {

    /** Energy further than this from the arc is called out as above or below it. */
    static final double OFF_ARC = 0.15;
    /** A stretch beyond this is called out as more than a clean blend takes. */
    static final double LARGE_STRETCH = 0.06;

    private final PairScorer scorer;

    Explainer(PairScorer scorer) {
        this.scorer = scorer;
    }

    /** The scored and explained transition from {@code a} to {@code b}, {@code b} at position {@code k}. */
    TransitionScore transition(TrackFeatures a, TrackFeatures b, int k) {
        PairScorer.Parts parts = scorer.parts(a, b, k);
        List<String> clauses = new ArrayList<>(4);
        clauses.add(harmony(a, b, parts.key()));
        clauses.add(tempo(a, b, parts.tempo()));
        clauses.add(energy(a, b, k, parts.target()));
        if (parts.variety() == 0) {
            clauses.add("same artist twice in a row");
        }
        int shift = parts.key() == null ? 0 : parts.key().shift();
        return new TransitionScore(a.id(), b.id(), parts.harmonic(), parts.tempoScore(), parts.energy(),
                parts.variety(), parts.total(), shift, String.join("; ", clauses));
    }

    static String harmony(TrackFeatures a, TrackFeatures b, KeyMatch.Fit fit) {
        if (fit == null) {
            return "key unknown for " + unknown(a, b, a.hasKey(), b.hasKey()) + ", harmony scored neutral";
        }
        String from = a.key().camelot();
        String to = b.key().camelot();
        if (fit.shift() == 0) {
            return from + " → " + to + " (" + relation(fit.relation(), b) + ")";
        }
        String shifted = KeyMatch.code(fit.shiftedNumber(), b.key().mode());
        int size = Math.abs(fit.shift());
        return from + " → " + to + ", pitch " + (fit.shift() > 0 ? "+" : "−") + size
                + (size == 1 ? " semitone" : " semitones") + " to fit " + from + " (as " + shifted + ": "
                + relation(fit.relation(), b) + ")";
    }

    private static String relation(KeyMatch.Relation relation, TrackFeatures b) {
        if (relation == KeyMatch.Relation.RELATIVE) {
            return b.key().mode() == Mode.MINOR ? "relative minor" : "relative major";
        }
        return relation.words;
    }

    static String tempo(TrackFeatures a, TrackFeatures b, TempoMatch.Fit fit) {
        if (fit == null) {
            return "tempo unknown for " + unknown(a, b, a.hasTempo(), b.hasTempo()) + ", tempo scored neutral";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.1f → %.1f bpm (", a.bpm(), b.bpm()));
        if (fit.octave() == 1) {
            text.append("half time, ");
        } else if (fit.octave() == -1) {
            text.append("double time, ");
        }
        text.append(String.format(Locale.ROOT, "%+.1f%%", 100 * fit.change()));
        if (Math.abs(fit.change()) > LARGE_STRETCH) {
            text.append(", more stretch than a clean blend takes");
        }
        return text.append(')').toString();
    }

    String energy(TrackFeatures a, TrackFeatures b, int k, double target) {
        String arc = arcPhrase(scorer.arc(), scorer.position(k), scorer.size());
        if (!b.hasEnergy()) {
            return "energy unknown for " + b.name() + ", scored neutral (" + arc + ")";
        }
        String from = a.hasEnergy() ? String.format(Locale.ROOT, "%.2f", a.energy()) : "?";
        String text = String.format(Locale.ROOT, "energy %s → %.2f%s, %s", from, b.energy(), b.energySource().note, arc);
        double off = b.energy() - target;
        if (Math.abs(off) > OFF_ARC) {
            return text + String.format(Locale.ROOT, " (%s the arc's %.2f)", off > 0 ? "above" : "below", target);
        }
        return text + String.format(Locale.ROOT, " (arc %.2f)", target);
    }

    /** What the arc does at position {@code x} of a set of {@code n}: rising, at the peak, cooling down… */
    static String arcPhrase(EnergyArc arc, double x, int n) {
        if (arc == EnergyArc.STEADY) {
            return "holding steady";
        }
        double step = n <= 1 ? 0.05 : 1.0 / (n - 1);
        double here = arc.target(x);
        double before = x == 0 ? here : arc.target(Math.max(0, x - step));
        double after = x == 1 ? here : arc.target(Math.min(1, x + step));
        double tiny = 1e-9;
        boolean peak = here >= before - tiny && here >= after - tiny && (here > before + tiny || here > after + tiny);
        boolean trough = here <= before + tiny && here <= after + tiny && (here < before - tiny || here < after - tiny);
        boolean rising = after > here + tiny || (x == 1 && here > before + tiny);
        if (peak && x > 0 && x < 1) {
            return "at the peak";
        }
        if (trough && x > 0 && x < 1) {
            return "at a low point";
        }
        return switch (arc) {
            case WARM_UP_PEAK_COOL_DOWN -> rising ? "rising towards the peak" : "cooling down";
            case WAVE -> rising ? "rising towards a peak" : "easing off";
            case RISING -> "rising";
            case FALLING -> "falling";
            case STEADY -> "holding steady";
        };
    }

    private static String unknown(TrackFeatures a, TrackFeatures b, boolean aKnown, boolean bKnown) {
        if (!aKnown && !bKnown) {
            return a.name() + " and " + b.name();
        }
        return aKnown ? b.name() : a.name();
    }
}
