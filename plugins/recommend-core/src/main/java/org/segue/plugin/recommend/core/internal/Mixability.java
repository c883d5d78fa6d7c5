package org.segue.plugin.recommend.core.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.segue.api.library.Range;

/**
 * Whether two tracks mix: tempo within a tolerance (half and double time count, a 70 BPM track
 * mixes into a 140 BPM set) and keys next to each other on the Camelot wheel.
 */
final class Mixability {

    private Mixability() {
    }

    /**
     * The tempo of {@code candidate} as it would play against {@code seed}: itself, doubled or
     * halved, whichever is closest; NaN when either is unknown.
     */
    static double matchedBpm(double seed, double candidate) {
        if (Double.isNaN(seed) || Double.isNaN(candidate)) {
            return Double.NaN;
        }
        double best = candidate;
        for (double c : new double[] {candidate * 2, candidate / 2}) {
            if (Math.abs(c - seed) < Math.abs(best - seed)) {
                best = c;
            }
        }
        return best;
    }

    /** The relative tempo difference after half/double matching, e.g. 0.016 for 124 → 126; NaN when unknown. */
    static double tempoDistance(double seed, double candidate) {
        return Math.abs(matchedBpm(seed, candidate) - seed) / seed;
    }

    /** The bpm range within a relative tolerance of a tempo. */
    static Range tempoRange(double bpm, double tolerance) {
        return new Range(bpm * (1 - tolerance), bpm * (1 + tolerance));
    }

    /**
     * How well a key follows another, {@code 0..1}: the same key 1, a step round the wheel
     * (a fifth) 0.9, the relative major/minor 0.8, a clash 0; 0.5 when either is unknown.
     */
    static double keyScore(String from, String to) {
        if (from == null || to == null) {
            return 0.5;
        }
        int a = number(from);
        int b = number(to);
        boolean sameLetter = letter(from) == letter(to);
        if (a == b && sameLetter) {
            return 1;
        }
        if (sameLetter && Math.floorMod(a - b, 12) == 1 || sameLetter && Math.floorMod(b - a, 12) == 1) {
            return 0.9;
        }
        return a == b ? 0.8 : 0;
    }

    /** The key and its compatible neighbours (score above 0), e.g. 8A → 8A, 7A, 9A, 8B. */
    static Set<String> compatibleKeys(String camelot) {
        int n = number(camelot);
        char letter = letter(camelot);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(n + "" + letter);
        keys.add(Math.floorMod(n - 2, 12) + 1 + "" + letter);
        keys.add(n % 12 + 1 + "" + letter);
        keys.add(n + "" + (letter == 'A' ? 'B' : 'A'));
        return keys;
    }

    private static int number(String camelot) {
        return Integer.parseInt(camelot.substring(0, camelot.length() - 1));
    }

    private static char letter(String camelot) {
        return camelot.toUpperCase(Locale.ROOT).charAt(camelot.length() - 1);
    }

    /** "124 → 126 bpm" (with "(half time)"/"(double time)" when matched so), or "" when unknown. */
    static String describeTempo(double seed, double candidate) {
        if (Double.isNaN(seed) || Double.isNaN(candidate)) {
            return "";
        }
        double matched = matchedBpm(seed, candidate);
        String note = matched > candidate * 1.5 ? " (half time)" : matched < candidate / 1.5 ? " (double time)" : "";
        return Math.round(seed) + " → " + Math.round(candidate) + " bpm" + note;
    }

    /** "8A → 9A", or "" when either key is unknown. */
    static String describeKey(String seed, String candidate) {
        return seed == null || candidate == null ? "" : seed + " → " + candidate;
    }

    /** Joins the non-empty parts of an explanation with "; ". */
    static String explain(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                b.append(b.length() == 0 ? "" : "; ").append(p);
            }
        }
        return b.toString();
    }
}
