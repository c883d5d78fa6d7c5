package org.segue.plugin.style.classic.internal;

import java.math.BigDecimal;
import java.util.Locale;

/** Formatting shared by the explanations, so they read alike and tests can look for the same text. */
final class Words {

    private Words() {
    }

    /** A track position as people read it: {@code 3:06.4}; negative positions with a minus. */
    static String time(double seconds) {
        long tenths = Math.round(Math.abs(seconds) * 10);
        String sign = seconds < 0 && tenths > 0 ? "-" : "";
        return String.format(Locale.ROOT, "%s%d:%02d.%d", sign, tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    /** A tempo: {@code 126.0 bpm}. */
    static String bpm(double bpm) {
        return String.format(Locale.ROOT, "%.1f bpm", bpm);
    }

    /** Seconds of a duration: {@code 7.5 s}. */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A plain number without trailing zeros: {@code 1}, {@code 0.75}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A count of bars: {@code 1 bar}, {@code 16 bars}. */
    static String bars(int bars) {
        return bars == 1 ? "1 bar" : bars + " bars";
    }

    /** A cue on the grid: {@code bar 96 (3:06.4)}. */
    static String cue(int bar, double seconds) {
        return "bar " + bar + " (" + time(seconds) + ")";
    }

    /** Appends a clause when it is not empty: {@code "; keys 8A and 9A mix well"}. */
    static String clause(String separator, String text) {
        return text.isEmpty() ? "" : separator + text;
    }

    /** The text with its first letter in upper case, to start a sentence. */
    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
