package org.segue.marketplace.server.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    static OsgiVersion v(String s) {
        return OsgiVersion.parse(s);
    }

    @Test
    void versionsCompareNumericallyThenByQualifier() {
        assertTrue(v("1.10.0").compareTo(v("1.9.9")) > 0, "numeric, not lexical");
        assertTrue(v("1.0.0.beta").compareTo(v("1.0.0")) > 0, "a qualifier sorts after none");
        assertEquals(v("1.2"), v("1.2.0"));
        assertEquals("1.2.0.SNAPSHOT", v("1.2.0.SNAPSHOT").toString());
        assertThrows(IllegalArgumentException.class, () -> v("1.x"));
        assertThrows(IllegalArgumentException.class, () -> v("1.0.0."));
        assertThrows(IllegalArgumentException.class, () -> v("-1"));
        assertThrows(IllegalArgumentException.class, () -> v("1.0.0.a b"));
    }

    @Test
    void rangesIncludeTheirBoundsAsWritten() {
        VersionRange r = VersionRange.parse("[1.0,2)");
        assertTrue(r.includes(v("1.0.0")));
        assertTrue(r.includes(v("1.99.99")));
        assertFalse(r.includes(v("2.0.0")));
        assertFalse(r.includes(v("0.9.9")));
        VersionRange open = VersionRange.parse("(1.0,2.0]");
        assertFalse(open.includes(v("1.0.0")));
        assertTrue(open.includes(v("2.0.0")));
        assertTrue(VersionRange.parse("1.1").includes(v("7.0.0")), "a bare version means at least");
        assertFalse(VersionRange.parse("1.1").includes(v("1.0.9")));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("[2,1)"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("[1,2"));
    }

    @Test
    void rangesBecomeLdapFilters() {
        assertEquals("(&(version>=1.0.0)(!(version>=2.0.0)))", VersionRange.parse("[1.0,2)").filter("version"));
        assertEquals("(&(!(version<=1.0.0))(version<=2.0.0))", VersionRange.parse("(1,2]").filter("version"));
        assertEquals("(version>=1.1.0)", VersionRange.parse("1.1").filter("version"));
    }
}
