package org.segue.plugin.cli.library.internal;

/**
 * Escaping for File Install's {@code .cfg} files (Java properties syntax). File Install replaces
 * {@code ${name}} with framework properties after unescaping, and no escape stops it, so a value
 * containing {@code ${} cannot be stored as typed: {@link #representable} tells.
 */
final class CfgValues {
    private CfgValues() {
    }

    /** False when File Install would read part of the value as a variable. */
    static boolean representable(String value) {
        return !value.contains("${");
    }

    static String escapeKey(String key) {
        return escape(key, true);
    }

    static String escapeValue(String value) {
        return escape(value, false);
    }

    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '=', ':', '#', '!' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
