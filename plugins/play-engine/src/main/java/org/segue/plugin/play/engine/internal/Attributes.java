package org.segue.plugin.play.engine.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads event attributes leniently: events are user data, a malformed value counts as absent. */
final class Attributes {

    private Attributes() {
    }

    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    static double number(String value, double otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            double v = Double.parseDouble(value.trim());
            return Double.isFinite(v) ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static double[] numbers(String value) {
        return list(value).stream().mapToDouble(s -> number(s, Double.NaN)).filter(Double::isFinite).toArray();
    }
}
