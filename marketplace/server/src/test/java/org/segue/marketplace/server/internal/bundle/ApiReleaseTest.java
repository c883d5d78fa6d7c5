package org.segue.marketplace.server.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;

/** Compatibility is computed from the bundle's imports, the way the OSGi resolver would decide. */
class ApiReleaseTest {

    static final ApiRelease API = new ApiRelease(OsgiVersion.parse("0.3.0"), Map.of(
            "org.segue.api.audio", OsgiVersion.parse("1.0.0"),
            "org.segue.api.effect", OsgiVersion.parse("1.2.0"),
            "org.segue.api.library", OsgiVersion.parse("2.0.0")));

    static boolean accepts(String importPackage) {
        return API.accepts(HeaderParser.parse(importPackage));
    }

    @Test
    void importRangesDecide() {
        assertTrue(accepts("org.segue.api.effect;version=\"[1.0,2)\",org.segue.api.audio;version=\"[1.0,2)\""));
        assertFalse(accepts("org.segue.api.effect;version=\"[1.3,2)\""), "needs a newer minor than this release has");
        assertFalse(accepts("org.segue.api.library;version=\"[1.1,2)\""), "built against the old major");
        assertTrue(accepts("org.segue.api.effect"), "no range: any version");
        assertTrue(accepts("com.example.other;version=\"[9,10)\""), "only api packages count");
        assertTrue(accepts(null));
    }

    @Test
    void missingApiPackagesFailUnlessOptional() {
        assertFalse(accepts("org.segue.api.connector;version=\"[1.0,2)\""));
        assertTrue(accepts("org.segue.api.connector;version=\"[1.0,2)\";resolution:=optional"));
    }

    @Test
    void releaseIsReadFromTheApiBundleManifest() {
        Attributes a = new Attributes();
        a.putValue("Bundle-SymbolicName", "org.segue.api");
        a.putValue("Bundle-Version", "0.1.0.SNAPSHOT");
        a.putValue("Export-Package", "org.segue.api.analysis;version=\"1.0.0\";uses:=\"org.segue.api.audio\",org.segue.api.library;version=\"1.1.0\"");
        ApiRelease r = ApiRelease.fromManifest(a).orElseThrow();
        assertEquals("0.1.0.SNAPSHOT", r.version().toString());
        assertEquals(OsgiVersion.parse("1.1.0"), r.packages().get("org.segue.api.library"));
        a.putValue("Bundle-SymbolicName", "org.example.other");
        assertTrue(ApiRelease.fromManifest(a).isEmpty());
    }
}
