package org.segue.marketplace.server.internal.bundle;

/**
 * An OSGi version range: {@code [1.0,2)}, {@code (1,2]}, or a bare version meaning "at least"
 * (Core specification 3.2.6). Used for the {@code version} attribute of Import-Package.
 */
public record VersionRange(OsgiVersion floor, boolean floorIncluded, OsgiVersion ceiling, boolean ceilingIncluded) {

    public static final VersionRange ANY = new VersionRange(OsgiVersion.ZERO, true, null, false);

    public static VersionRange parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty version range");
        }
        char first = s.charAt(0);
        if (first != '[' && first != '(') {
            return new VersionRange(OsgiVersion.parse(s), true, null, false);
        }
        char last = s.charAt(s.length() - 1);
        int comma = s.indexOf(',');
        if ((last != ']' && last != ')') || comma < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a version range");
        }
        OsgiVersion floor = OsgiVersion.parse(s.substring(1, comma));
        OsgiVersion ceiling = OsgiVersion.parse(s.substring(comma + 1, s.length() - 1));
        if (ceiling.compareTo(floor) < 0) {
            throw new IllegalArgumentException("'" + text + "' is an empty range");
        }
        return new VersionRange(floor, first == '[', ceiling, last == ']');
    }

    public boolean includes(OsgiVersion v) {
        int f = v.compareTo(floor);
        if (f < 0 || (f == 0 && !floorIncluded)) {
            return false;
        }
        if (ceiling == null) {
            return true;
        }
        int c = v.compareTo(ceiling);
        return c < 0 || (c == 0 && ceilingIncluded);
    }

    /** The range as an LDAP filter on {@code attribute}, as OSGi Repository requirements spell it. */
    public String filter(String attribute) {
        String low = "(" + attribute + ">=" + floor + ")";
        if (!floorIncluded) {
            low = "(!(" + attribute + "<=" + floor + "))";
        }
        if (ceiling == null) {
            return low;
        }
        String high = ceilingIncluded
                ? "(" + attribute + "<=" + ceiling + ")"
                : "(!(" + attribute + ">=" + ceiling + "))";
        return "(&" + low + high + ")";
    }

    @Override
    public String toString() {
        if (ceiling == null) {
            return floor.toString();
        }
        return (floorIncluded ? "[" : "(") + floor + "," + ceiling + (ceilingIncluded ? "]" : ")");
    }
}
