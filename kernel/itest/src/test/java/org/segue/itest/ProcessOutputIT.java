package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper the server tests wait with: a hung child is reported with its threads, an ended one with its output. */
class ProcessOutputIT {

    @TempDir
    Path dir;

    private Process java(String body) throws Exception {
        Path source = dir.resolve("Child.java");
        Files.writeString(source, "class Child { public static void main(String[] a) throws Exception { " + body + " } }");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), source.toString()).start();
    }

    @Test
    void findsALineAndReportsAHungChildWithItsThreads() throws Exception {
        Process child = java("System.out.println(\"listening on 42\"); System.err.println(\"a warning\"); Thread.sleep(120_000);");
        try {
            ProcessOutput output = ProcessOutput.follow(child);
            assertEquals("42", output.await(Pattern.compile("listening on (\\d+)"), Duration.ofSeconds(60)).group(1));
            AssertionError hung = assertThrows(AssertionError.class,
                    () -> output.await(Pattern.compile("never printed"), Duration.ofSeconds(2)));
            assertTrue(hung.getMessage().contains("Full thread dump"), hung.getMessage());
            assertTrue(hung.getMessage().contains("Child.main"), "the hung frame: " + hung.getMessage());
            assertTrue(hung.getMessage().contains("a warning"), "standard error too: " + hung.getMessage());
            assertTrue(child.isAlive(), "SIGQUIT does not stop a JVM");
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void reportsAChildThatEndedWithoutTheLine() throws Exception {
        Process child = java("System.out.println(\"starting\"); System.err.println(\"cannot bind\"); System.exit(1);");
        AssertionError ended = assertThrows(AssertionError.class,
                () -> ProcessOutput.follow(child).await(Pattern.compile("listening"), Duration.ofSeconds(60)));
        assertTrue(ended.getMessage().contains("ended before") && ended.getMessage().contains("starting"), ended.getMessage());
    }
}
