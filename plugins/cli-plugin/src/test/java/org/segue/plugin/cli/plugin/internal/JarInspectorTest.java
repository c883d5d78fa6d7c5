package org.segue.plugin.cli.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Version;

class JarInspectorTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "a/../../evil", "/etc/passwd", "a\\..\\evil", "C:/evil", "a/\u0000b", "a/b\n", ""})
    void namesThatCouldEscapeAreRefused(String name) {
        PluginException e = assertThrows(PluginException.class, () -> JarInspector.checkName("x", name));
        assertTrue(e.getMessage().contains("zip-slip"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"META-INF/MANIFEST.MF", "org/example/A.class", "a..b/c", "..hidden/file", "OSGI-INF/x.xml"})
    void ordinaryNamesPass(String name) {
        assertDoesNotThrow(() -> JarInspector.checkName("x", name));
    }

    @Test
    void readsWhatTheBundleDeclares() throws Exception {
        Path jar = Files.write(temp.resolve("a.jar"), Jars.bundle("org.example.a", "1.2.3.beta")
                .header("Export-Package", "org.example.a.api;version=\"1.1.0\";uses:=\"x,y\"").jar());
        JarInspector.BundleInfo info = new JarInspector(JarInspector.Limits.defaults()).inspect(jar, "a", Files.size(jar));
        assertEquals("org.example.a", info.symbolicName());
        assertEquals(new Version(1, 2, 3, "beta"), info.version());
        assertEquals(List.of(new Installed.Export("org.example.a.api", new Version(1, 1, 0))), Requirements.exports(info));
    }

    @Test
    void theRatioLimitCountsInflatedBytesNotClaimedSizes() throws Exception {
        // 2 MiB of zeros deflate to a few KiB: over the ratio once past the 1 MiB floor.
        Path bomb = Files.write(temp.resolve("b.jar"), Jars.bundle("org.example.b", "1.0.0")
                .entry("zeros", new byte[2 << 20]).jar());
        assertTrue(Files.size(bomb) < 20_000, "the test jar is small: " + Files.size(bomb));
        PluginException e = assertThrows(PluginException.class,
                () -> new JarInspector(JarInspector.Limits.defaults()).inspect(bomb, "b", Files.size(bomb)));
        assertTrue(e.getMessage().contains("inflates more than 100 times"), e.getMessage());

        // Below the floor the same ratio is fine: small jars of text compress well.
        Path small = Files.write(temp.resolve("s.jar"), Jars.bundle("org.example.s", "1.0.0")
                .entry("zeros", new byte[512 << 10]).jar());
        assertDoesNotThrow(() -> new JarInspector(JarInspector.Limits.defaults()).inspect(small, "s", Files.size(small)));
    }

    @Test
    void mandatoryImportsMustBeExportedInRange() {
        JarInspector.BundleInfo b = new JarInspector.BundleInfo("x", Version.emptyVersion,
                Clauses.parse("a;version=\"[1.0,2)\",b;version=\"[2,3)\";resolution:=optional,c,d"),
                Clauses.parse("d;version=1.0"), false);
        List<Installed.Export> have = List.of(new Installed.Export("a", new Version(2, 0, 0)), new Installed.Export("c", new Version(0, 1, 0)));
        assertEquals(List.of("a [1.0.0,2.0.0)"), Requirements.missing(b, have), "a 2.0 is outside [1,2); b optional; d its own");
        assertEquals(List.of(), Requirements.missing(b, List.of(new Installed.Export("a", new Version(1, 5, 0)),
                new Installed.Export("c", Version.emptyVersion))));
    }
}
