package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The installed {@code bin/segue} run as a user runs it, in a child process on this test's JDK. */
final class SegueProcess {

    /** What a run printed and how it ended. */
    record Result(int code, String out, String err) {
    }

    private SegueProcess() {
    }

    /** Starts {@code home/bin/segue args} in {@code directory} with extra environment variables. */
    static Process start(Path home, Path directory, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/segue").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile());
        // Never the developer's own ~/.config/segue: their connector accounts must not leak into tests.
        pb.environment().put("XDG_CONFIG_HOME", directory.resolve(".config").toString());
        // Nor their data (library, event log, preferences), unless a test names its own folder.
        pb.environment().put("XDG_DATA_HOME", directory.resolve(".local/share").toString());
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    /** Runs to the end (at most three minutes) and returns its output. */
    static Result run(Path home, Path directory, Map<String, String> env, String... args) throws Exception {
        return runWithInput(home, directory, env, "", args);
    }

    /** Runs to the end with {@code input} on standard input, like {@link #run}. */
    static Result runWithInput(Path home, Path directory, Map<String, String> env, String input, String... args)
            throws Exception {
        Process p = start(home, directory, env, args);
        try (var stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        // Read standard error beside standard output so neither pipe can fill up and block the child.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "segue " + String.join(" ", args) + " ended");
        return new Result(p.exitValue(), out, err.get(10, TimeUnit.SECONDS));
    }
}
