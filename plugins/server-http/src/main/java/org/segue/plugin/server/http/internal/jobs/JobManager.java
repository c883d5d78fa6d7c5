package org.segue.plugin.server.http.internal.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.io.AtomicFiles;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Problem;

/**
 * Runs jobs on a fixed pool of threads owned by the server, so a client that disconnects changes
 * nothing. Every change of state is written to {@code DATA/jobs/<id>.json} (atomically): finished
 * jobs and their results survive a restart, and a job that was queued or running when the server
 * stopped is loaded as failed, saying so, rather than silently lost. Thread-safe.
 */
public final class JobManager implements AutoCloseable {

    private final class Running implements JobWork.Control {
        final String id;
        volatile boolean cancelled;
        volatile Future<?> future;
        private long lastSave;

        Running(String id) {
            this.id = id;
        }

        @Override
        public void progress(double fraction, String message) {
            double p = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
            Job updated = jobs.computeIfPresent(id, (k, j) -> j.state() == JobState.RUNNING
                    ? new Job(j.id(), j.owner(), j.kind(), j.state(), p, message == null ? j.message() : message,
                            j.createdAt(), null, null, null)
                    : j);
            // Progress is shown from memory; the file is refreshed at most once a second.
            long now = System.nanoTime();
            if (updated != null && now - lastSave > 1_000_000_000L) {
                lastSave = now;
                save(updated);
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled || Thread.currentThread().isInterrupted();
        }
    }

    private final Path dir;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ExecutorService pool;
    private final BiConsumer<String, Throwable> errors;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /**
     * @param dir {@code DATA/jobs}
     * @param threads jobs run at once
     * @param errors where unexpected job failures are reported
     */
    public JobManager(Path dir, ObjectMapper mapper, Clock clock, int threads, BiConsumer<String, Throwable> errors) {
        this.dir = dir;
        this.mapper = mapper;
        this.clock = clock;
        this.errors = errors;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "segue-job");
            t.setDaemon(true);
            return t;
        });
        load();
    }

    private void load() {
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
                for (Path f : files) {
                    Job j;
                    try {
                        j = mapper.readValue(f.toFile(), Job.class);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read job file " + f + ": " + e.getMessage(), e);
                    }
                    if (!j.state().isFinal()) {
                        j = finish(j, JobState.FAILED, null, new Problem("about:blank", "Interrupted", 500,
                                "the server stopped while this job was " + j.state().id() + "; start it again",
                                null, null));
                        save(j);
                    }
                    jobs.put(j.id(), j);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Queues work for {@code owner} and returns the job as it is now. */
    public Job submit(String owner, String kind, JobWork work) {
        String id = UUID.randomUUID().toString();
        Job j = new Job(id, owner, kind, JobState.QUEUED, 0, "queued", clock.instant().toString(), null, null, null);
        jobs.put(id, j);
        save(j);
        Running r = new Running(id);
        running.put(id, r);
        r.future = pool.submit(() -> execute(r, work));
        return j;
    }

    private void execute(Running r, JobWork work) {
        try {
            Job started = jobs.computeIfPresent(r.id, (k, j) -> j.state() == JobState.QUEUED
                    ? new Job(j.id(), j.owner(), j.kind(), JobState.RUNNING, 0, "running", j.createdAt(), null, null, null)
                    : j);
            if (started == null || started.state() != JobState.RUNNING) {
                return;
            }
            save(started);
            Job done;
            try {
                Object result = work.run(r);
                done = r.cancelled ? finish(jobs.get(r.id), JobState.CANCELLED, null, null)
                        : finish(jobs.get(r.id), JobState.SUCCEEDED, result, null);
            } catch (Exception | LinkageError e) {
                if (r.cancelled) {
                    done = finish(jobs.get(r.id), JobState.CANCELLED, null, null);
                } else if (e instanceof ApiException api) {
                    done = finish(jobs.get(r.id), JobState.FAILED, null, api.problem(null));
                } else {
                    errors.accept("job " + r.id + " (" + started.kind() + ")", e);
                    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    done = finish(jobs.get(r.id), JobState.FAILED, null,
                            new Problem("about:blank", "Job failed", 500, detail, null, null));
                }
            }
            if (closing && !r.cancelled) {
                return; // stopped by the shutdown, not by its owner: loads as interrupted next start
            }
            save(done); // on disk before visible, so a client that saw it finished finds it after a restart
            jobs.put(r.id, done);
        } finally {
            running.remove(r.id);
        }
    }

    private Job finish(Job j, JobState state, Object result, Problem error) {
        return new Job(j.id(), j.owner(), j.kind(), state, state == JobState.SUCCEEDED ? 1 : j.progress(),
                state.id(), j.createdAt(), clock.instant().toString(),
                result == null ? null : mapper.valueToTree(result), error);
    }

    /** The owner's jobs, newest first. */
    public List<Job> list(String owner) {
        List<Job> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.owner().equals(owner)) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id));
        return out;
    }

    /** One of the owner's jobs; another user's job is as absent as an unknown one. */
    public Optional<Job> get(String owner, String id) {
        Job j = jobs.get(id);
        return j != null && j.owner().equals(owner) ? Optional.of(j) : Optional.empty();
    }

    /**
     * Asks a job to stop: a queued job is cancelled at once, a running one when its work notices
     * (or its thread is interrupted); a finished job stays as it is.
     */
    public Optional<Job> cancel(String owner, String id) {
        Optional<Job> found = get(owner, id);
        if (found.isEmpty() || found.get().state().isFinal()) {
            return found;
        }
        Running r = running.get(id);
        if (r != null) {
            r.cancelled = true;
        }
        Job now = jobs.computeIfPresent(id, (k, j) -> j.state() == JobState.QUEUED
                ? finish(j, JobState.CANCELLED, null, null) : j);
        if (now != null && now.state() == JobState.CANCELLED) {
            save(now);
        }
        if (r != null && r.future != null) {
            r.future.cancel(true);
        }
        return Optional.ofNullable(jobs.get(id));
    }

    /** Deletes every job of a user (their account is gone). */
    public void deleteAll(String owner) {
        for (Job j : list(owner)) {
            cancel(owner, j.id());
            jobs.remove(j.id());
            try {
                Files.deleteIfExists(dir.resolve(j.id() + ".json"));
            } catch (IOException e) {
                errors.accept("deleting job file " + j.id(), e);
            }
        }
    }

    private void save(Job j) {
        try {
            AtomicFiles.writeBytes(dir.resolve(j.id() + ".json"), mapper.writeValueAsBytes(j), true);
        } catch (IOException e) {
            errors.accept("saving job " + j.id() + " to " + dir, e);
        }
    }

    /** Stops the pool: running work is interrupted; its jobs load as interrupted next time. */
    @Override
    public void close() {
        closing = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
