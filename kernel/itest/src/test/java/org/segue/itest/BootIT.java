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
    void apiPackagesAreExportedWithSemanticVersions() {
        BundleWiring system = fixture.context().getBundle(0).adapt(BundleWiring.class);
        Map<String, String> versions = new TreeMap<>();
        for (BundleCapability c : system.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            String pkg = (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            if (pkg.startsWith("org.segue.api.")) {
                versions.put(pkg, c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE).toString());
            }
        }
        for (String pkg : new String[] {"audio", "analysis", "effect", "style", "recommend", "library",
                "connector", "play", "command"}) {
            assertEquals("1.0.0", versions.get("org.segue.api." + pkg), "org.segue.api." + pkg + " in " + versions);
        }
    }

    @Test
    void pluginsListingShowsNoProblemsOnACleanInstall() throws Exception {
        String listing = fixture.run("plugins");
        assertTrue(listing.contains("org.segue.plugin.cli.demo"), listing);
        assertTrue(listing.contains(", 0 with problems"), listing);
    }
}
