package org.segue.plugin.server.http.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.plugin.server.http.internal.ServerCoreAccess;
import org.segue.plugin.server.http.internal.web.ApiException;

class JobManagerTest {

    @TempDir
    Path dir;

    private final List<Throwable> errors = new ArrayList<>();

    private JobManager manager() {
        return new JobManager(dir, ServerCoreAccess.mapper(), Clock.systemUTC(), 2, (w, e) -> errors.add(e));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void runsWorkReportsProgressAndKeepsTheResultAcrossARestart() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        String id;
        try (JobManager jobs = manager()) {
            Job j = jobs.submit("alice", "analyse", control -> {
                control.progress(0.5, "half");
                halfway.countDown();
                go.await(10, TimeUnit.SECONDS);
                return Map.of("trackId", "t1");
            });
            id = j.id();
            assertTrue(halfway.await(10, TimeUnit.SECONDS));
            Job running = jobs.get("alice", id).orElseThrow();
            assertEquals(JobState.RUNNING, running.state());
            assertEquals(0.5, running.progress(), 1e-9);
            assertEquals("half", running.message());
            go.countDown();
            await("success", () -> jobs.get("alice", id).orElseThrow().state() == JobState.SUCCEEDED);
            Job done = jobs.get("alice", id).orElseThrow();
            assertEquals(1.0, done.progress(), 1e-9);
            assertEquals("t1", done.result().get("trackId").asText());
            assertNotNull(done.finishedAt());
        }
        try (JobManager again = manager()) {
            Job loaded = again.get("alice", id).orElseThrow();
            assertEquals(JobState.SUCCEEDED, loaded.state());
            assertEquals("t1", loaded.result().get("trackId").asText());
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void jobsAreVisibleToTheirOwnerOnly() throws Exception {
        try (JobManager jobs = manager()) {
            Job a = jobs.submit("alice", "import", control -> null);
            jobs.submit("bob", "import", control -> null);
            assertTrue(jobs.get("bob", a.id()).isEmpty());
            assertTrue(jobs.cancel("bob", a.id()).isEmpty());
            assertEquals(1, jobs.list("alice").size());
            assertEquals(a.id(), jobs.list("alice").get(0).id());
        }
    }

    @Test
    void failuresKeepTheirProblemAndCancelStopsRunningWork() throws Exception {
        try (JobManager jobs = manager()) {
            Job bad = jobs.submit("alice", "analyse", control -> {
                throw ApiException.badField("filename", "not audio");
            });
            CountDownLatch started = new CountDownLatch(1);
            Job slow = jobs.submit("alice", "mix", control -> {
                started.countDown();
                while (!control.cancelled()) {
                    Thread.onSpinWait();
                }
                return "partial";
            });
            await("failure", () -> jobs.get("alice", bad.id()).orElseThrow().state() == JobState.FAILED);
            Job failed = jobs.get("alice", bad.id()).orElseThrow();
            assertEquals(400, failed.error().status());
            assertEquals("filename", failed.error().field());
            assertTrue(started.await(10, TimeUnit.SECONDS));
            jobs.cancel("alice", slow.id());
            await("cancel", () -> jobs.get("alice", slow.id()).orElseThrow().state() == JobState.CANCELLED);
            assertEquals(null, jobs.get("alice", slow.id()).orElseThrow().result(), "a cancelled job has no result");
        }
    }

    @Test
    void aJobRunningWhenTheServerStopsLoadsAsInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        String id;
        JobManager jobs = manager();
        id = jobs.submit("alice", "import", control -> {
            started.countDown();
            Thread.sleep(60_000);
            return null;
        }).id();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        jobs.close();
        assertTrue(Files.readString(dir.resolve(id + ".json")).contains("running"));
        try (JobManager again = manager()) {
            Job j = again.get("alice", id).orElseThrow();
            assertEquals(JobState.FAILED, j.state());
            assertTrue(j.error().detail().contains("server stopped"), j.error().detail());
        }
    }
}
