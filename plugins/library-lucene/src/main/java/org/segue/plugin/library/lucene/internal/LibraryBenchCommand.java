package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.apache.lucene.util.Version;
import org.osgi.service.component.annotations.Component;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;
import org.segue.api.command.SegueCommand;
import org.segue.api.library.TrackQuery;

/**
 * {@code segue bench library [--tracks N] [--queries Q] [--dir DIR]}: builds a synthetic index
 * and prints its size on disk, the build rate and single-query latencies (p50, p99) of a filtered
 * text search and of the recommendation query. A benchmark to run by hand, never a timed test.
 *
 * <p>Why this bundle contributes the command (and not cli-library): the benchmark must measure the
 * real Lucene implementation, which is {@link TrackIndex}, package-private in this bundle's
 * internal package. Going through the {@code TrackLibrary} service would measure whatever library
 * is installed, on the user's own index (and one commit per put); exporting the internal package
 * or adding a bench-only api service would widen the public surface for a tool. So the bench is a
 * second DS component of this bundle, next to the index it measures; it shares nothing with
 * {@link LuceneTrackLibrary} (it opens its own index in its own folder), so it runs even while
 * another process holds the user's library.
 */
@Component
@SegueCommand(name = "bench library", summary = "Measures the Lucene library: index size, build rate, search and recommendation latency")
public class LibraryBenchCommand implements Command {

    static final long SEED = 42;
    static final int BATCH = 5000;
    static final int WARMUP = 500;
    static final int K = 10;
    static final int GOAL_TRACKS = 1_000_000;
    static final double GOAL_P99_MS = 10;
    static final double ROADMAP_P99_MS = 100;

    @Override
    public int run(CommandContext ctx) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(ctx.arguments());
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue bench library: " + e.getMessage() + "\n" + BenchOptions.USAGE_TEXT);
            return USAGE;
        }
        Path kept = options.folder(ctx.workingDirectory());
        Path folder;
        if (kept != null) {
            if (Files.exists(kept) && !(Files.isDirectory(kept) && isEmpty(kept))) {
                ctx.err().println("segue bench library: --dir " + kept + " must be an empty or new folder");
                return USAGE;
            }
            folder = Files.createDirectories(kept);
        } else {
            folder = Files.createTempDirectory("segue-bench-library");
        }
        try {
            return bench(ctx, options, folder);
        } finally {
            if (kept == null) {
                delete(folder);
            } else {
                ctx.err().println("index kept in " + folder);
            }
        }
    }

    private int bench(CommandContext ctx, BenchOptions options, Path folder) throws IOException {
        PrintStream out = ctx.out();
        int n = options.tracks();
        out.printf(Locale.ROOT, "bench library: %,d synthetic tracks (seed %d), %d-dim unit embeddings, Lucene %s, "
                + "Java %s, %d cores available%n", n, SEED, SyntheticLibrary.DIMENSION, Version.LATEST,
                Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
        SyntheticLibrary synthetic = new SyntheticLibrary(SEED);
        long start = System.nanoTime();
        try (TrackIndex index = TrackIndex.open(folder)) {
            try (Progress progress = ctx.progress("Indexing synthetic tracks", n)) {
                List<TrackIndex.Entry> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < n; i++) {
                    batch.add(synthetic.entry(i));
                    if (batch.size() == BATCH || i == n - 1) {
                        if (ctx.cancelled()) {
                            ctx.err().println("segue bench library: cancelled");
                            return FAILURE;
                        }
                        index.putAll(batch);
                        progress.advance(batch.size());
                        batch.clear();
                    }
                }
            }
            try (Progress progress = ctx.progress("Finishing merges", -1)) {
                index.close(); // waits for the background merges: the index as a finished import leaves it
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "build: %.1f s = %,.0f tracks/s (batches of %d, one commit each, merges included)%n",
                seconds, n / seconds, BATCH);
        try (TrackIndex index = TrackIndex.open(folder)) {
            long size = size(folder);
            out.printf(Locale.ROOT, "index size on disk: %.1f MB (%,.0f bytes/track), %d segments%n", size / 1e6,
                    size / (double) n, index.segmentCount());
            double kept = filterShare(index, synthetic, n);
            out.printf(Locale.ROOT, "single-query latency, one query thread, %d warm-up then %,d timed queries each:%n",
                    WARMUP, options.queries());
            long[] search = latency(ctx, options.queries(), i -> index.search(synthetic.search()));
            if (search == null) {
                return FAILURE;
            }
            out.printf(Locale.ROOT, "  (a) filtered text search (a word + bpm 120-130 half/double + 4 compatible keys, "
                    + "top 10 + facets): p50 %.2f ms, p99 %.2f ms%n", search[0] / 1e6, search[1] / 1e6);
            long[] recommend = latency(ctx, options.queries(), i -> {
                SyntheticLibrary.Recommendation r = synthetic.recommendation(K);
                index.nearest(r.vector(), K, r.filter());
            });
            if (recommend == null) {
                return FAILURE;
            }
            out.printf(Locale.ROOT, "  (b) recommendation (kNN k=%d on the embedding, mixability filter: bpm ±8%% with "
                    + "half/double + 4 compatible keys, keeps %.1f%% of tracks): p50 %.2f ms, p99 %.2f ms%n",
                    K, kept * 100, recommend[0] / 1e6, recommend[1] / 1e6);
            out.println(goal(n, recommend[1] / 1e6));
        }
        return OK;
    }

    /** The goal line: met or not, and whether this run's size says anything about it. */
    static String goal(int tracks, double p99Millis) {
        String target = String.format(Locale.ROOT, "goal: recommendation p99 < %.0f ms at %,d tracks on one core "
                + "(the roadmap asks < %.0f ms): ", GOAL_P99_MS, GOAL_TRACKS, ROADMAP_P99_MS);
        String verdict = p99Millis < GOAL_P99_MS ? "met" : p99Millis < ROADMAP_P99_MS ? "roadmap met, goal not met" : "not met";
        if (tracks < GOAL_TRACKS) {
            return target + verdict + String.format(Locale.ROOT, " at %,d tracks (run --tracks 1m for the goal's size)", tracks);
        }
        return target + verdict + String.format(Locale.ROOT, " (p99 %.2f ms at %,d tracks)", p99Millis, tracks);
    }

    /** The mean share of the library the mixability filter keeps, over 50 seed tracks (not timed). */
    private static double filterShare(TrackIndex index, SyntheticLibrary synthetic, int n) {
        double sum = 0;
        int samples = 50;
        for (int i = 0; i < samples; i++) {
            TrackQuery f = synthetic.recommendation(K).filter();
            sum += index.search(new TrackQuery("", f.bpm(), f.bpmHalfDouble(), f.camelotKeys(), f.genres(), null, 0, 1))
                    .totalHits() / (double) n;
        }
        return sum / samples;
    }

    /** Runs the warm-up, then times {@code count} queries; p50 and p99 in nanoseconds, {@code null} if cancelled. */
    private static long[] latency(CommandContext ctx, int count, IntConsumer query) {
        for (int i = 0; i < WARMUP; i++) {
            query.accept(i);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            if (ctx.cancelled()) {
                ctx.err().println("segue bench library: cancelled");
                return null;
            }
            long t = System.nanoTime();
            query.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        return Percentiles.of(nanos, 50, 99);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
