package org.segue.plugin.style.classic.internal;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;

/**
 * What the styles compare between the outgoing and the incoming track: tempo ratio (directly and
 * allowing half/double time), meter, grids and keys, plus the small scoring curves the
 * suitability rules are written with. Every rule is a product of such factors, so a score can be
 * explained factor by factor.
 */
final class PairFacts {

    /** How far a deck may be time-stretched before the stretch is clearly audible. */
    static final double STRETCH_LIMIT = 0.08;
    /** Keys with an estimate less sure than this are treated as unknown. */
    private static final double KEY_CONFIDENCE = 0.3;

    /** How the two keys sit on the Camelot wheel. */
    enum KeyRelation {
        /** Same key, relative major/minor, or one step round the wheel. */
        COMPATIBLE,
        /** Further apart: a long overlap will sound out of tune. */
        CLASH,
        /** A key is missing or unsure. */
        UNKNOWN
    }

    final TrackFacts out;
    final TrackFacts in;

    private PairFacts(TrackFacts out, TrackFacts in) {
        this.out = out;
        this.in = in;
    }

    static PairFacts of(AnalysisResults outgoing, AnalysisResults incoming) {
        return new PairFacts(TrackFacts.of(outgoing), TrackFacts.of(incoming));
    }

    boolean bothGridded() {
        return out.hasGrid() && in.hasGrid();
    }

    /** True when both have grids with the same beats per bar. */
    boolean sameMeter() {
        return bothGridded() && out.beatsPerBar() == in.beatsPerBar();
    }

    /** {@code |incoming/outgoing - 1|}; infinite when a tempo is unknown. */
    double tempoDeviation() {
        return deviation(1);
    }

    /** Like {@link #tempoDeviation()}, but also trying the incoming at half and double time. */
    double tempoDeviationHalfDouble() {
        return Math.min(deviation(1), Math.min(deviation(0.5), deviation(2)));
    }

    private double deviation(double factor) {
        double ratio = in.bpm() * factor / out.bpm();
        return Double.isFinite(ratio) ? Math.abs(ratio - 1) : Double.POSITIVE_INFINITY;
    }

    KeyRelation keys() {
        KeyEstimate a = out.key().orElse(null);
        KeyEstimate b = in.key().orElse(null);
        if (a == null || b == null || a.confidence() < KEY_CONFIDENCE || b.confidence() < KEY_CONFIDENCE) {
            return KeyRelation.UNKNOWN;
        }
        MusicalKey x = a.key();
        MusicalKey y = b.key();
        int steps = Math.floorMod(x.camelotNumber() - y.camelotNumber(), 12);
        int distance = Math.min(steps, 12 - steps);
        boolean sameMode = x.mode() == y.mode();
        return distance == 0 || (distance == 1 && sameMode) ? KeyRelation.COMPATIBLE : KeyRelation.CLASH;
    }

    /** The keys in words for an explanation, e.g. {@code "keys 8A and 9A mix well"}; empty when unknown. */
    String keyWords() {
        return switch (keys()) {
            case COMPATIBLE -> "keys " + out.key().orElseThrow().key().camelot() + " and "
                    + in.key().orElseThrow().key().camelot() + " mix well";
            case CLASH -> "keys " + out.key().orElseThrow().key().camelot() + " and "
                    + in.key().orElseThrow().key().camelot() + " clash";
            case UNKNOWN -> "";
        };
    }

    // ---- scoring curves ---------------------------------------------------------------------

    /** 1 up to {@code full}, falling linearly to 0 at {@code zero} (for "smaller is better"). */
    static double falling(double x, double full, double zero) {
        if (!(x > full)) {
            return Double.isNaN(x) ? 0 : 1;
        }
        return x >= zero ? 0 : (zero - x) / (zero - full);
    }

    /** 1 inside {@code [low, high]}, falling linearly to 0 {@code soft} outside it; 0 for NaN. */
    static double band(double x, double low, double high, double soft) {
        if (Double.isNaN(x)) {
            return 0;
        }
        double outside = x < low ? low - x : x > high ? x - high : 0;
        return falling(outside, 0, soft);
    }

    /** Clamps a score into {@code [0, 1]}. */
    static double clamp(double score) {
        return Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score));
    }
}
