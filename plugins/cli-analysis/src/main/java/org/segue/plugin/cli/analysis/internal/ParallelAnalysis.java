package org.segue.plugin.cli.analysis.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.TrackReport;
import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;

/**
 * Analyses many files on a pool of threads (one file per thread at a time) with a progress bar; a
 * file that fails is an outcome like any other, so the rest of the batch goes on.
 */
final class ParallelAnalysis {

    /** One file's outcome: a report, or the error that stopped it. */
    record Outcome(Path file, TrackReport report, String error) {
        boolean ok() {
            return report != null;
        }
    }

    private ParallelAnalysis() {
    }

    static List<Outcome> run(AnalysisService service, List<Path> files, int threads, boolean useCache,
            CommandContext ctx, String task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "segue-analyze");
            t.setDaemon(true);
            return t;
        });
        List<Future<Outcome>> futures = new ArrayList<>();
        try (Progress progress = ctx.progress(task, files.size())) {
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    if (ctx.cancelled()) {
                        return new Outcome(file, null, "cancelled");
                    }
                    Outcome o = analyze(service, file, useCache);
                    progress.status(file.getFileName().toString());
                    progress.advance(1);
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("analysis task failed unexpectedly", e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static Outcome analyze(AnalysisService service, Path file, boolean useCache) {
        try {
            return new Outcome(file, service.analyze(file, useCache), null);
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(file, null, message.contains(file.toString()) ? message : file + ": " + message);
        } catch (RuntimeException e) {
            // Reported per file rather than killing the batch; the message says which file.
            return new Outcome(file, null, file + ": " + e);
        }
    }
}
