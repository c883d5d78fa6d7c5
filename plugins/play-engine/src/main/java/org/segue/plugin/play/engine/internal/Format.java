package org.segue.plugin.play.engine.internal;

import java.util.Locale;

/** Numbers as the play commands print them. */
final class Format {

    private Format() {
    }

    /** A score without a useless fraction: {@code 3}, {@code 12.5}. */
    static String score(double score) {
        return score == Math.rint(score) && Math.abs(score) < 1e15 ? Long.toString((long) score)
                : String.format(Locale.ROOT, "%.1f", score);
    }

    static String number(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
