package org.segue.support.audio;

import java.util.Locale;

/** Tag values as the tag formats write them, read the same way by every decoder. */
public final class TagValues {

    private TagValues() {
    }

    /** A usable tempo, or null for 0, garbage or absurd values. */
    public static Double bpm(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace(',', '.');
        if (t.endsWith("bpm")) {
            t = t.substring(0, t.length() - 3).strip();
        }
        try {
            double v = Double.parseDouble(t);
            return v > 0 && v < 1000 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
