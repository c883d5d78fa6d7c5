package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file in conf/ reaches a running component through Config Admin, and removing it restores defaults. */
class ConfigAdminIT {

    @TempDir
    Path home;
    @TempDir
    Path build;

    @Test
    void confFileChangesReachTheComponent() throws Exception {
        Path greeter = TestPlugins.build(build, "greeter", "1.0.0", Map.of());
        try (KernelFixture k = new KernelFixture(home)) {
            TestPlugins.drop(greeter, k.plugins, "greeter.jar");
            KernelFixture.await("greeter", Duration.ofSeconds(2), () -> greets(k, "Hello, you!\n"));

            Path cfg = k.conf.resolve("org.segue.itest.greeter.cfg");
            Files.writeString(cfg, "greeting = Hola\n");
            KernelFixture.await("configured greeting", Duration.ofSeconds(5), () -> greets(k, "Hola, you!\n"));

            Files.writeString(cfg, "greeting = Salut\n");
            KernelFixture.await("changed greeting", Duration.ofSeconds(5), () -> greets(k, "Salut, you!\n"));

            Files.delete(cfg);
            KernelFixture.await("default greeting again", Duration.ofSeconds(5), () -> greets(k, "Hello, you!\n"));
            assertEquals("Hello, you!\n", k.run("greet", "you"));
        }
    }

    private static boolean greets(KernelFixture k, String expected) {
        try {
            return expected.equals(k.run("greet", "you"));
        } catch (Throwable e) {
            return false;
        }
    }
}
