package org.segue.plugin.badge.core.internal;

import java.util.Locale;

/**
 * Keys in Camelot notation ({@code 1A}..{@code 12A} minor, {@code 1B}..{@code 12B} major) and the
 * compatibility DJs mix by: the same key, one step around the wheel in the same mode, or the
 * relative major/minor (same number).
 */
final class Camelot {

    private Camelot() {
    }

    /** {@code number * 2 + (B ? 1 : 0)} with number 0..11, or -1 when not a Camelot key. */
    static int parse(String key) {
        if (key == null) {
            return -1;
        }
        String k = key.trim().toUpperCase(Locale.ROOT);
        if (k.length() < 2 || k.length() > 3) {
            return -1;
        }
        char mode = k.charAt(k.length() - 1);
        if (mode != 'A' && mode != 'B') {
            return -1;
        }
        try {
            int n = Integer.parseInt(k.substring(0, k.length() - 1));
            return n >= 1 && n <= 12 ? (n - 1) * 2 + (mode == 'B' ? 1 : 0) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether a transition between two keys (from {@link #parse}) is harmonic; unknown keys are not. */
    static boolean compatible(int from, int to) {
        if (from < 0 || to < 0) {
            return false;
        }
        int n1 = from / 2;
        int n2 = to / 2;
        boolean sameMode = from % 2 == to % 2;
        int step = Math.floorMod(n2 - n1, 12);
        return sameMode ? step == 0 || step == 1 || step == 11 : step == 0;
    }
}
