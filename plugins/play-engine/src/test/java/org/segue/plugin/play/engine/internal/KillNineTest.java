package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.UserEvent;

/**
 * A child JVM appends in a tight loop and is killed with SIGKILL (Process.destroyForcibly on Linux)
 * while appending; the log then opens with every acknowledged event, in order, nothing half-written,
 * and takes new appends.
 */
class KillNineTest {

    @TempDir
    Path dir;

    @Test
    void everyCommittedEventSurvivesKillNineAndNothingHalfWrittenIsRead() throws Exception {
        String classPath = String.join(File.pathSeparator, codeSource(EventFile.class), codeSource(AppendLoop.class),
                codeSource(UserEvent.class));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (int round = 0; round < 3; round++) {
            // The child's acknowledgements go to a file, not a pipe: a pipe is closed by the kill, and the
            // lines it still held (acknowledged before the signal landed) would be lost to the check.
            Path acks = dir.resolve("acks-" + round + ".txt");
            Process child = new ProcessBuilder(java.toString(), "-cp", classPath, AppendLoop.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(acks.toFile()).start();
            int acknowledged = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged < 150 && System.nanoTime() < deadline && child.isAlive()) {
                acknowledged = lastAcknowledged(acks);
                Thread.sleep(1);
            }
            if (acknowledged >= 150) {
                child.destroyForcibly(); // SIGKILL while the loop keeps appending
            }
            child.waitFor(30, TimeUnit.SECONDS);
            int lastAcknowledged = lastAcknowledged(acks);
            assertTrue(acknowledged >= 150, "the child appended 150 events before it was killed: " + acknowledged);
            assertTrue(child.exitValue() == 137 || child.exitValue() == 9 || child.exitValue() != 0,
                    "killed, not exited: " + child.exitValue());
            try (EventFile f = new EventFile(dir.resolve("events.log"))) {
                List<StoredEvent> events = f.readAll();
                // Every round appends from 0 again: ids repeat, fields are what was written.
                int fromThisRound = events.size() - countBefore;
                assertTrue(fromThisRound >= lastAcknowledged && fromThisRound <= lastAcknowledged + 1,
                        "all " + lastAcknowledged + " acknowledged events are there, at most the one in flight beyond: "
                                + fromThisRound);
                for (int i = 0; i < fromThisRound; i++) {
                    assertEquals(EventFileTest.event(i).event(), events.get(countBefore + i).event(), "event " + i + " intact");
                }
                f.readNew(e -> { });
                f.locked(() -> {
                    f.append(EventFileTest.event(9999));
                    return null;
                });
                countBefore = f.readAll().size();
                assertEquals(Files.size(dir.resolve("events.log")), f.end(), "nothing after the last good record");
            }
        }
    }

    private int countBefore;

    /** The highest "ok N" the child printed (complete lines only). */
    private static int lastAcknowledged(Path acks) throws java.io.IOException {
        String text = Files.readString(acks, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return 0;
        }
        int start = text.lastIndexOf('\n', end - 1) + 1;
        return Integer.parseInt(text.substring(start + 3, end).trim());
    }

    private static String codeSource(Class<?> type) throws Exception {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    }
}
