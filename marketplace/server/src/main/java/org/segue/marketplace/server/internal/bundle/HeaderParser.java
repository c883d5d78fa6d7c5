package org.segue.marketplace.server.internal.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OSGi manifest headers (Core specification 3.2.4, "Common Header Syntax"): clauses
 * separated by commas, each a list of paths followed by attributes ({@code name=value},
 * {@code name:Type=value}) and directives ({@code name:=value}); values may be quoted, and quoted
 * values may hold commas and semicolons ({@code uses:="a,b"}).
 */
public final class HeaderParser {

    private HeaderParser() {
    }

    /** The clauses of {@code header}; empty for a null or blank header. */
    public static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clauseText : split(header, ',')) {
            if (clauseText.isBlank()) {
                throw new IllegalArgumentException("empty clause in '" + abbreviate(header) + "'");
            }
            clauses.add(clause(clauseText));
        }
        return clauses;
    }

    private static Clause clause(String text) {
        List<String> paths = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        for (String part : split(text, ';')) {
            int eq = indexOutsideQuotes(part, '=');
            if (eq < 0) {
                if (!attributes.isEmpty() || !directives.isEmpty()) {
                    throw new IllegalArgumentException("path '" + part.trim() + "' after a parameter");
                }
                String path = part.trim();
                if (path.isEmpty()) {
                    throw new IllegalArgumentException("empty path in '" + abbreviate(text) + "'");
                }
                paths.add(path);
                continue;
            }
            String name = part.substring(0, eq).trim();
            String value = unquote(part.substring(eq + 1).trim());
            if (name.endsWith(":")) {
                directives.put(name.substring(0, name.length() - 1).trim(), value);
            } else {
                int colon = name.indexOf(':');
                if (colon >= 0) {
                    types.put(name.substring(0, colon).trim(), name.substring(colon + 1).trim());
                    name = name.substring(0, colon).trim();
                }
                attributes.put(name, value);
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("parameter without a name in '" + abbreviate(text) + "'");
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("clause without a name: '" + abbreviate(text) + "'");
        }
        return new Clause(paths, attributes, types, directives);
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in '" + abbreviate(text) + "'");
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
