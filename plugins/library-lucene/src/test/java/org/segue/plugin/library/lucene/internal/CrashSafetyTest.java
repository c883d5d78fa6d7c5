package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.analysis.StandardResults;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackQuery;

/**
 * Kills a child JVM with SIGKILL while it imports (a commit per track) and checks the index: it
 * opens, CheckIndex finds no corruption, and every track the child reported committed is there
 * whole. Twice: the second child resumes where the first was killed.
 */
class CrashSafetyTest {

    @TempDir
    Path folder;

    @Test
    void killedImportLeavesEveryCommittedTrackAndNoCorruption() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CrashSafetyTest seed " + seed);
        Random random = new Random(seed);
        Path index = folder.resolve("library");
        int next = 0;
        for (int round = 0; round < 2; round++) {
            int lastCommitted = killMidImport(index, next, next + 20 + random.nextInt(20), random.nextInt(25));
            assertTrue(lastCommitted >= next, "round " + round + " committed nothing");
            int present = verify(index, lastCommitted);
            System.out.printf("round %d: child reported c%d..c%d committed, index holds %d tracks%n", round, next,
                    lastCommitted, present);
            // At most one put past the last printed line can have committed before the kill.
            assertTrue(present == lastCommitted + 1 || present == lastCommitted + 2,
                    "index holds " + present + " tracks; child reported " + (lastCommitted + 1));
            next = present;
        }
    }

    /** Runs a child from {@code start}, kills it {@code delayMillis} after it reported {@code killAt}. */
    private int killMidImport(Path index, int start, int killAt, int delayMillis) throws Exception {
        Path errors = folder.resolve("child-" + start + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                index.toString(), Integer.toString(start))
                .redirectError(errors.toFile())
                .start();
        int last = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            boolean killed = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    last = Integer.parseInt(line.substring("committed ".length()));
                }
                if (!killed && last >= killAt) {
                    Thread.sleep(delayMillis); // land somewhere inside a later put or commit
                    // SIGKILL on Unix: no shutdown hooks, no close. Through the handle, because
                    // Process.destroyForcibly also closes our end of the pipe, and the lines the
                    // child wrote before dying must still be read.
                    child.toHandle().destroyForcibly();
                    killed = true;
                }
                if (System.nanoTime() > deadline) {
                    child.destroyForcibly();
                    fail("child too slow; stderr: " + Files.readString(errors));
                }
            }
            if (!killed) {
                fail("child exited by itself at " + last + "; stderr: " + Files.readString(errors));
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        return last;
    }

    /** Checks the index and every track up to {@code lastCommitted}; returns the number of tracks. */
    private static int verify(Path index, int lastCommitted) throws IOException {
        try (Directory directory = FSDirectory.open(index); CheckIndex check = new CheckIndex(directory)) {
            check.setInfoStream(new PrintStream(java.io.OutputStream.nullOutputStream()));
            CheckIndex.Status status = check.checkIndex();
            assertTrue(status.clean, "CheckIndex found problems");
        }
        try (TrackIndex library = TrackIndex.open(index)) {
            for (int i = 0; i <= lastCommitted; i++) {
                String id = "c" + i;
                assertEquals(TestTracks.track(id, "Artist " + i, "Title " + i, "genre" + i % 7),
                        library.track(new TrackId(id)).orElseThrow(() -> new AssertionError("lost " + id)));
                var stored = library.analysis(new TrackId(id)).orElseThrow();
                var expected = CrashChild.analysis(id, i);
                assertEquals(expected.require(StandardResults.EMBEDDING), stored.get(StandardResults.EMBEDDING).orElseThrow());
                assertEquals(expected.require(StandardResults.ONSET_STRENGTH),
                        stored.get(StandardResults.ONSET_STRENGTH).orElseThrow());
            }
            long total = library.search(new TrackQuery("", null, false, null, null, null, 0, 0)).totalHits();
            return Math.toIntExact(total);
        }
    }
}
