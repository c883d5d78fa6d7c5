package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.sqlite.JDBC;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A child JVM records into the store in a tight loop, one event and batches of five by turns,
 * and is killed with SIGKILL (Process.destroyForcibly on Linux) while recording, three times; the
 * store then holds every acknowledged event, intact and in order, no batch in part, the badge
 * progress committed with exactly those events, and takes new ones.
 */
class KillNineTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesKillNineAndNoBatchIsHalfStored() throws Exception {
        String classPath = String.join(File.pathSeparator, codeSource(PlayEngine.class), codeSource(AppendLoop.class),
                codeSource(UserEvent.class), codeSource(JDBC.class), codeSource(ObjectMapper.class),
                codeSource(JsonFactory.class), codeSource(JsonProperty.class));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        int stored = 0;
        for (int round = 0; round < 3; round++) {
            // The child's acknowledgements go to a file, not a pipe: a pipe is closed by the kill, and the
            // lines it still held (acknowledged before the signal landed) would be lost to the check.
            Path acks = dir.resolve("acks-" + round + ".txt");
            int first = round * 1_000_000;
            Process child = new ProcessBuilder(java.toString(), "-cp", classPath, AppendLoop.class.getName(),
                    dir.toString(), Integer.toString(first))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(acks.toFile()).start();
            int acknowledged = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged < 150 && System.nanoTime() < deadline && child.isAlive()) {
                acknowledged = lastAcknowledged(acks);
                Thread.sleep(1);
            }
            if (acknowledged >= 150) {
                child.destroyForcibly(); // SIGKILL while the loop keeps recording
            }
            child.waitFor(30, TimeUnit.SECONDS);
            int lastAcknowledged = lastAcknowledged(acks);
            assertTrue(acknowledged >= 150, "the child recorded 150 events before it was killed: " + acknowledged);
            assertTrue(child.exitValue() != 0, "killed, not exited: " + child.exitValue());

            PlayEngine engine = new PlayEngine();
            engine.addBadge(TestPlay.counting(AppendLoop.BADGE, UserEventTypes.TRACK_PLAYED, 1_000_000));
            engine.open(dir, Integer.MAX_VALUE, Integer.MAX_VALUE);
            try {
                List<UserEvent> all = new ArrayList<>();
                long counted = 0;
                for (String user : List.of("u0", "u1", "u2")) {
                    List<UserEvent> history = engine.history(user);
                    all.addAll(history);
                    counted += engine.query(r -> r.standings().badge(AppendLoop.BADGE, user)).count();
                }
                assertEquals(all.size(), counted, "badge progress committed with exactly the stored events");
                all.sort(Comparator.comparing(UserEvent::time));
                int fromThisRound = all.size() - stored;
                assertTrue(fromThisRound >= lastAcknowledged && fromThisRound <= lastAcknowledged + 5,
                        "all " + lastAcknowledged + " acknowledged events are there, at most the batch in flight beyond: "
                                + fromThisRound);
                assertTrue(boundary(fromThisRound), "whole batches only: " + fromThisRound);
                for (int i = 0; i < fromThisRound; i++) {
                    assertEquals(AppendLoop.event(first + i), all.get(stored + i), "event " + i + " intact and in order");
                }
                assertEquals(RecordResult.Status.RECORDED, engine.record(AppendLoop.event(first + 999_999)).status(),
                        "and recording goes on");
                stored = all.size() + 1;
            } finally {
                engine.close();
            }
        }
    }

    /** True when n events end an iteration of the child's 1, 5, 1, 5… pattern. */
    private static boolean boundary(int n) {
        int sum = 0;
        for (int i = 0; sum < n; i++) {
            sum += AppendLoop.size(i);
        }
        return sum == n;
    }

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
