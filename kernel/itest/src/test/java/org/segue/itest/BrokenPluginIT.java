package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Broken plugins of every kind are reported with their name and cause, and isolated: the kernel
 * and a good plugin dropped beside them keep working.
 */
class BrokenPluginIT {

    @TempDir
    Path home;
    @TempDir
    Path build;

    @Test
    void brokenPluginsAreReportedAndIsolated() throws Exception {
        Path failing = TestPlugins.build(build, "failing", "1.0.0", Map.of());
        Path unresolved = TestPlugins.build(build, "unresolved", "1.0.0", Map.of());
        Path activator = TestPlugins.build(build, "activator", "1.0.0",
                Map.of("Bundle-Activator", "org.segue.itest.plugins.activator.ThrowingActivator"));
        Path greeter = TestPlugins.build(build, "greeter", "1.0.0", Map.of());
        Path hanging = TestPlugins.build(build, "hanging", "1.0.0",
                Map.of("Bundle-Activator", "org.segue.itest.plugins.hanging.HangingActivator"));
        Path provider = TestPlugins.build(build, "provider", "1.0.0",
                Map.of("-exportcontents", "org.segue.itest.plugins.provider"));

        try (KernelFixture k = new KernelFixture(home)) {
            TestPlugins.drop(failing, k.plugins, "failing.jar");
            TestPlugins.drop(unresolved, k.plugins, "unresolved.jar");
            TestPlugins.drop(activator, k.plugins, "activator.jar");
            Files.write(k.plugins.resolve("not-a-bundle.jar"), "this is not a zip file".getBytes());
            TestPlugins.drop(hanging, k.plugins, "hanging.jar");
            TestPlugins.drop(greeter, k.plugins, "greeter.jar");

            KernelFixture.await("the good plugin works beside the broken ones", Duration.ofSeconds(10),
                    () -> k.console().contains("not-a-bundle.jar") && k.console().contains("did not start")
                            && k.console().contains("deliberate failure in the activator")
                            && k.console().contains("deliberate failure in activate") && hasGreet(k));
            assertEquals("Hello, world!\n", k.run("greet"));

            String listing = k.run("plugins");
            assertWhy(listing, "org.segue.itest.plugins.failing", "deliberate failure in activate");
            assertWhy(listing, "org.segue.itest.plugins.unresolved", "org.segue.itest.plugins.provider");
            assertWhy(listing, "org.segue.itest.plugins.activator", "deliberate failure in the activator");
            assertWhy(listing, "not-a-bundle.jar", "");
            assertWhy(listing, "org.segue.itest.plugins.hanging", "did not start within 2 s");
            assertTrue(listing.contains(", 5 with problems"), listing);

            String console = k.console();
            assertTrue(console.contains("org.segue.itest.plugins.activator") && console.contains("deliberate failure in the activator"), console);
            assertTrue(console.contains("org.segue.itest.plugins.unresolved"), console);
            assertTrue(console.contains("org.segue.itest.plugins.failing") && console.contains("deliberate failure in activate"), console);

            // The missing package arrives: the waiting plugin resolves and starts without a restart.
            TestPlugins.drop(provider, k.plugins, "provider.jar");
            KernelFixture.await("unresolved plugin starts once its import is provided", Duration.ofSeconds(2),
                    () -> state(k, "org.segue.itest.plugins.unresolved") == Bundle.ACTIVE);
        }
    }

    private static void assertWhy(String listing, String name, String reason) {
        Pattern p = Pattern.compile(Pattern.quote(name) + ".*\\n\\s+why: .*" + Pattern.quote(reason));
        assertTrue(p.matcher(listing).find(), name + " with '" + reason + "' in:\n" + listing);
    }

    private static boolean hasGreet(KernelFixture k) {
        try {
            return k.command("greet") != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static int state(KernelFixture k, String bsn) {
        for (Bundle b : k.context().getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b.getState();
            }
        }
        return -1;
    }
}
