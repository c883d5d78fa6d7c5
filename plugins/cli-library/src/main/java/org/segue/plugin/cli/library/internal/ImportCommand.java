package org.segue.plugin.cli.library.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioOpener;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;
import org.segue.api.command.SegueCommand;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackSource;

/**
 * {@code segue import [--jobs N] <folders or files>}: adds audio files to the library, analysing
 * only files that are new or whose content changed.
 *
 * <p>Resumable by construction: each track is put (and committed) as soon as its analysis is done,
 * and a file whose content hash matches the library's is skipped, so an interrupted import simply
 * continues on the next run.
 */
@Component
@SegueCommand(name = "import", summary = "Adds audio files to the library: analyses new and changed files")
public class ImportCommand implements Command {

    static final String USAGE_TEXT = "usage: segue import [--jobs N] <folders or files>";

    /** What happened to one file. */
    enum Outcome { ADDED, UPDATED, UNCHANGED, FAILED, CANCELLED }

    @Reference
    TrackLibrary library;

    @Reference
    AnalysisService analysis;

    @Reference
    AudioOpener opener;

    @Override
    public int run(CommandContext ctx) throws Exception {
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<String> paths = new ArrayList<>();
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--jobs") || a.equals("-j")) {
                if (i + 1 == args.size() || !args.get(i + 1).matches("[1-9][0-9]{0,3}")) {
                    ctx.err().println("segue import: --jobs needs a positive number\n" + USAGE_TEXT);
                    return USAGE;
                }
                jobs = Integer.parseInt(args.get(++i));
            } else if (a.startsWith("-")) {
                ctx.err().println("segue import: unknown option " + a + "\n" + USAGE_TEXT);
                return USAGE;
            } else {
                paths.add(a);
            }
        }
        if (paths.isEmpty()) {
            ctx.err().println(USAGE_TEXT);
            return USAGE;
        }
        List<Path> files;
        try {
            files = LocalFiles.collect(paths, ctx.workingDirectory());
        } catch (IOException e) {
            ctx.err().println("segue import: " + e.getMessage());
            return FAILURE;
        }
        Map<Outcome, Integer> counts = importAll(ctx, files, jobs);
        ctx.out().printf("%d added, %d updated, %d unchanged, %d failed%n", counts.get(Outcome.ADDED),
                counts.get(Outcome.UPDATED), counts.get(Outcome.UNCHANGED), counts.get(Outcome.FAILED));
        if (counts.get(Outcome.CANCELLED) > 0) {
            ctx.err().println("segue import: interrupted with " + counts.get(Outcome.CANCELLED)
                    + " files to go; run it again to continue");
            return FAILURE;
        }
        return counts.get(Outcome.FAILED) == 0 ? OK : FAILURE;
    }

    private Map<Outcome, Integer> importAll(CommandContext ctx, List<Path> files, int jobs) throws InterruptedException {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "segue-import");
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = ctx.progress("Importing", files.size())) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    Outcome o = ctx.cancelled() ? Outcome.CANCELLED : importFile(ctx, file);
                    progress.status(file.getFileName().toString());
                    progress.advance(1);
                    return o;
                }));
            }
            for (Future<Outcome> f : futures) {
                try {
                    counts.merge(f.get(), 1, Integer::sum);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("import task failed unexpectedly", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return counts;
    }

    /** Imports one file; errors are reported and counted, never thrown, so the batch goes on. */
    Outcome importFile(CommandContext ctx, Path file) {
        try {
            TrackId id = LocalFiles.id(file);
            Optional<Track> known = library.track(id);
            if (known.isPresent() && LocalFiles.contentHash(file).equals(known.get().contentHash())
                    && library.analysis(id).isPresent()) {
                return Outcome.UNCHANGED;
            }
            TrackReport report = analysis.analyze(file);
            report.failures().forEach(f -> ctx.err().println(
                    "warning: " + file + ": analyzer " + f.analyzerId() + " failed: " + f.reason()));
            Track track = new Track(id, file.toUri(), "sha256:" + report.contentHash(), opener.tags(file),
                    report.results().durationSeconds(), TrackSource.local());
            library.put(track, new TrackResults(id.value(), report.results()));
            return known.isPresent() ? Outcome.UPDATED : Outcome.ADDED;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            ctx.err().println("error: " + (message.contains(file.toString()) ? message : file + ": " + message));
            return Outcome.FAILED;
        }
    }
}
