package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.LoggerFactory;

/** The kernel boots the built distribution: every system bundle active, core services present. */
class BootIT {

    @TempDir
    static Path home;
    static KernelFixture fixture;

    @BeforeAll
    static void boot() throws Exception {
        fixture = new KernelFixture(home);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void everySystemBundleIsActive() {
        Map<String, Integer> states = new TreeMap<>();
        for (Bundle b : fixture.context().getBundles()) {
            states.put(b.getSymbolicName(), b.getState());
        }
        for (String bsn : new String[] {"org.apache.felix.scr", "org.apache.felix.configadmin",
                "org.apache.felix.fileinstall", "org.apache.felix.log", "org.segue.plugin.cli.demo"}) {
            assertEquals(Bundle.ACTIVE, states.get(bsn), bsn + " in " + states);
        }
    }

    @Test
    void coreServicesResolve() throws Exception {
        assertNotNull(fixture.context().getServiceReference(ServiceComponentRuntime.class), "Declarative Services");
        assertNotNull(fixture.context().getServiceReference(LoggerFactory.class), "Log Service");
        // Config Admin's api is not shared with the kernel, so ask by name across class spaces.
        assertNotNull(fixture.context().getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null),
                "Config Admin");
    }

    @Test
    void commandsFromKernelAndBundlesAreServices() throws Exception {
        assertNotNull(fixture.command("plugins"));
        assertNotNull(fixture.command("help"));
        assertNotNull(fixture.command("demo"), "contributed by the cli-demo bundle");
        String help = fixture.run("help");
        assertTrue(help.contains("demo") && help.contains("plugins") && help.contains("bench startup"), help);
    }

    @Test
    void apiPackagesAreExportedWithSemanticVersions() throws Exception {
        BundleWiring system = fixture.context().getBundle(0).adapt(BundleWiring.class);
        Map<String, String> versions = new TreeMap<>();
        for (BundleCapability c : system.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            String pkg = (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            if (pkg.startsWith("org.segue.api.")) {
                versions.put(pkg, c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE).toString());
            }
        }
        Map<String, String> declared = apiJarExports();
        for (String pkg : new String[] {"audio", "analysis", "effect", "style", "recommend", "library",
                "connector", "play", "command"}) {
            String name = "org.segue.api." + pkg;
            assertEquals(declared.get(name), versions.get(name), name + ": the api jar's own version, in " + versions);
            assertTrue(versions.get(name).startsWith("1."), name + " is in its 1.x line: " + versions.get(name));
        }
    }

    /** The package versions the api jar itself declares (its Export-Package header). */
    private static Map<String, String> apiJarExports() throws java.io.IOException {
        Map<String, String> declared = new TreeMap<>();
        try (var libs = java.nio.file.Files.list(KernelFixture.DIST.resolve("lib"))) {
            java.nio.file.Path api = libs.filter(p -> p.getFileName().toString().startsWith("segue-api-")).findFirst()
                    .orElseThrow();
            try (var jar = new java.util.jar.JarFile(api.toFile())) {
                new aQute.bnd.header.Parameters(jar.getManifest().getMainAttributes().getValue("Export-Package"))
                        .forEach((k, attrs) -> declared.put(k, attrs.get("version")));
            }
        }
        return declared;
    }

    @Test
    void pluginsListingShowsNoProblemsOnACleanInstall() throws Exception {
        String listing = fixture.run("plugins");
        assertTrue(listing.contains("org.segue.plugin.cli.demo"), listing);
        assertTrue(listing.contains(", 0 with problems"), listing);
    }
}
