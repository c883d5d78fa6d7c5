package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed {@code bin/segue} as a user runs it: exit codes, output, clean stop on SIGTERM. */
class CommandLineIT {

    @TempDir
    Path work;

    @Test
    void pluginsListsTheSystemBundles() throws Exception {
        SegueProcess.Result r = SegueProcess.run(KernelFixture.DIST, work, Map.of(), "plugins");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*org\\.segue\\.plugin\\.cli\\.demo\\s+\\S+\\s+bundles.*"), r.out());
        assertTrue(r.out().contains("ACTIVE"), r.out());
    }

    @Test
    void demoRendersAMixOfTheSynthesisedLibrary() throws Exception {
        SegueProcess.Result r = SegueProcess.run(KernelFixture.DIST, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()),
                "demo", "-o", work.resolve("demo").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("analyzers") && r.out().contains("segue.analyzer.rhythm/2"), r.out());
        assertTrue(r.out().contains("wav/wave/rf64/bw64") && r.out().contains("aif/aiff/aifc"), "decoders by format: " + r.out());
        assertTrue(r.out().contains("Community vote"), "challenges by name: " + r.out());
        assertTrue(r.out().contains("installed, not set up: archive, jamendo, listenbrainz, musicbrainz, spotify, subsonic"),
                "connectors wait for segue connect: " + r.out());
        for (String file : new String[] {"mix.wav", "mix.cue", "mix.json", "mix.svg"}) {
            assertTrue(Files.size(work.resolve("demo").resolve(file)) > 0, file + " written");
        }
        assertTrue(r.out().contains("1. ") && r.out().contains("↳ segue.style."), "tracklist with transitions:\n" + r.out());
        try (var leftovers = Files.list(work.resolve("demo"))) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files left");
        }
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        SegueProcess.Result r = SegueProcess.run(KernelFixture.DIST, work, Map.of(), "no-such-command");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown command 'no-such-command'"), r.err());
    }

    @Test
    void sigtermStopsARunningCommandAndEveryBundleCleanly() throws Exception {
        Path home = copyOfDistribution();
        TestPlugins.drop(TestPlugins.build(work.resolve("build"), "blocking", "1.0.0", Map.of()),
                home.resolve("plugins"), "blocking.jar");
        Path marker = work.resolve("deactivated");
        Process p = SegueProcess.start(home, work, Map.of("SEGUE_JAVA_OPTS", "-Dsegue.itest.marker=" + marker), "wait");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("waiting", out.readLine());
            // SIGTERM through the handle: Process.destroy() would also close our end of the pipes.
            p.toHandle().destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stopped after SIGTERM");
            assertEquals("cancelled", out.readLine(), "the command saw the cancellation and returned");
        } finally {
            p.destroyForcibly();
        }
        assertEquals("deactivated", Files.readString(marker), "components were deactivated before exit");
    }

    private Path copyOfDistribution() throws IOException {
        Path home = work.resolve("segue");
        try (var paths = Files.walk(KernelFixture.DIST)) {
            for (Path src : (Iterable<Path>) paths::iterator) {
                Path dst = home.resolve(KernelFixture.DIST.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return home;
    }


}
