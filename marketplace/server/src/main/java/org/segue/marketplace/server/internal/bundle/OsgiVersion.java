package org.segue.marketplace.server.internal.bundle;

import java.util.regex.Pattern;

/**
 * An OSGi semantic version, {@code major.minor.micro.qualifier}: numbers compare numerically,
 * the qualifier as a string (Core specification 3.2.5).
 */
public record OsgiVersion(int major, int minor, int micro, String qualifier) implements Comparable<OsgiVersion> {

    // Before ZERO: static fields initialise in order, and ZERO's constructor uses this.
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9_-]*");
    public static final OsgiVersion ZERO = new OsgiVersion(0, 0, 0, "");

    public OsgiVersion {
        if (major < 0 || minor < 0 || micro < 0) {
            throw new IllegalArgumentException("negative version component");
        }
        if (!QUALIFIER.matcher(qualifier).matches()) {
            throw new IllegalArgumentException("invalid qualifier '" + qualifier + "'");
        }
    }

    /** Parses {@code 1}, {@code 1.2}, {@code 1.2.3} or {@code 1.2.3.q}; throws IllegalArgumentException otherwise. */
    public static OsgiVersion parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty version");
        }
        String[] parts = s.split("\\.", 4);
        try {
            int major = number(parts[0]);
            int minor = parts.length > 1 ? number(parts[1]) : 0;
            int micro = parts.length > 2 ? number(parts[2]) : 0;
            String qualifier = parts.length > 3 ? parts[3] : "";
            if (parts.length > 3 && qualifier.isEmpty()) {
                throw new IllegalArgumentException("empty qualifier");
            }
            return new OsgiVersion(major, minor, micro, qualifier);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an OSGi version: " + e.getMessage(), e);
        }
    }

    private static int number(String part) {
        if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + part + "' is not a number");
        }
        return Integer.parseInt(part);
    }

    @Override
    public int compareTo(OsgiVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(micro, o.micro);
        }
        return c != 0 ? c : qualifier.compareTo(o.qualifier);
    }

    @Override
    public String toString() {
        String base = major + "." + minor + "." + micro;
        return qualifier.isEmpty() ? base : base + "." + qualifier;
    }
}
