package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.segue.api.command.Command;

/** A plugin dropped into plugins/ runs within 2 s, is updated in place, and goes when removed. */
class HotDeployIT {

    static final Duration LIMIT = Duration.ofSeconds(2);

    @TempDir
    Path home;
    @TempDir
    Path build;

    @Test
    void dropReplaceAndRemoveAPlugin() throws Exception {
        Path v1 = TestPlugins.build(build, "greeter", "1.0.0", Map.of());
        Path v2 = TestPlugins.build(build, "greeter", "1.1.0", Map.of());
        try (KernelFixture k = new KernelFixture(home)) {
            assertNull(k.command("greet"));

            TestPlugins.drop(v1, k.plugins, "greeter.jar");
            Duration appeared = KernelFixture.await("greet command after drop", LIMIT, () -> has(k, "greet"));
            System.out.println("plugin appeared as a service after " + appeared.toMillis() + " ms");
            assertEquals("Hello, DJ!\n", k.run("greet", "DJ"));

            TestPlugins.drop(v2, k.plugins, "greeter.jar");
            KernelFixture.await("greeter updated to 1.1.0", LIMIT, () -> version(k, "greet").equals("1.1.0"));
            assertEquals("Hello, again!\n", k.run("greet", "again"));
            assertEquals(1, count(k, "org.segue.itest.plugins.greeter"), "updated in place, not installed twice");

            Files.delete(k.plugins.resolve("greeter.jar"));
            Duration gone = KernelFixture.await("greeter uninstalled after removal", LIMIT,
                    () -> count(k, "org.segue.itest.plugins.greeter") == 0);
            System.out.println("plugin removed after " + gone.toMillis() + " ms");
            assertNull(k.command("greet"));
        }
    }

    private static boolean has(KernelFixture k, String command) {
        try {
            return k.command(command) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String version(KernelFixture k, String command) {
        try {
            ServiceReference<Command> ref = k.command(command);
            return ref == null ? "" : ref.getBundle().getVersion().toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static long count(KernelFixture k, String bsn) {
        return java.util.Arrays.stream(k.context().getBundles())
                .filter(b -> bsn.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED).count();
    }
}
