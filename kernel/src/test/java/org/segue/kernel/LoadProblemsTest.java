package org.segue.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class LoadProblemsTest {

    @Test
    void causeChainIsOneReadableLine() {
        Exception e = new BundleException("Activator start error in bundle x",
                new IllegalStateException("port 8080 in use"));
        assertEquals("Activator start error in bundle x <- IllegalStateException: port 8080 in use",
                LoadProblems.describe(e));
    }

    @Test
    void aProblemIsReportedOnceWithTheBundleNameAndClearedOnSuccess() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LoadProblems problems = new LoadProblems(new ConsoleLog(new PrintStream(console, true, StandardCharsets.UTF_8), false));
        RuntimeException cause = new RuntimeException("boom");
        problems.report("x.jar", "org.example.x", "1.0.0", cause);
        problems.report("x.jar", "org.example.x", "1.0.0", cause);
        String log = console.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("org.example.x 1.0.0 (x.jar) failed: RuntimeException: boom"), log);
        assertEquals(log.indexOf("boom"), log.lastIndexOf("boom"), "reported once: " + log);
        assertEquals("RuntimeException: boom", problems.get("x.jar").cause());
        problems.clear("x.jar");
        assertNull(problems.get("x.jar"));
    }
}
