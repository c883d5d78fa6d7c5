package org.segue.plugin.challenge.core.internal;

/** Event attributes are user data: a malformed number is NaN, never an exception. */
final class Numbers {

    private Numbers() {
    }

    static double parse(String value) {
        if (value == null) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(value.trim());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
