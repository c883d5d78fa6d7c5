package org.segue.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownOptionIsAUsageErrorNamingTheOption() {
        assertEquals(2, run("--frobnicate", "demo"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --frobnicate"));
    }

    @Test
    void homeWithoutAFolderIsAUsageError() {
        assertEquals(2, run("--home"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--home needs a folder"));
    }

    @Test
    void versionNeedsNoKernel() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("segue "));
    }

    @Test
    void optionsAfterTheCommandBelongToTheCommand() {
        // "--frobnicate" after the command is the command's argument, not a global option: the
        // kernel boots (no bundles here) and reports the unknown command instead.
        assertEquals(2, run("--home", "target/no-such-home", "nosuch", "--frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'nosuch'"),
                err.toString(StandardCharsets.UTF_8));
    }
}
