package org.segue.plugin.badge.core.internal;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated event attributes ({@code "8A,9A"}, {@code "120,124.5"}), read leniently. */
final class Lists {

    private Lists() {
    }

    /** The items, trimmed; empty items (a track of unknown genre) kept as "" so positions stay aligned. */
    static List<String> of(String value) {
        List<String> out = new ArrayList<>();
        if (value != null && !value.isBlank()) {
            for (String s : value.split(",", -1)) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** A number, or NaN when absent or malformed. */
    static double number(String value) {
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
