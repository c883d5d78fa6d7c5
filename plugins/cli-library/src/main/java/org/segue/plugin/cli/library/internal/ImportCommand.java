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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioOpener;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;
import org.segue.api.command.SegueCommand;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.RemoteTrack;
import org.segue.api.connector.StreamingConnector;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackSource;

/**
 * {@code segue import [--jobs N] <folders or files>}: adds audio files to the library, analysing
 * only files that are new or whose content changed. {@code segue import --from <service>
 * [--playlist <name or id> | <search words>]} imports from a streaming connector instead (see
 * {@link RemoteImport}).
 *
 * <p>Resumable by construction: each track is put (and committed) as soon as its analysis is done,
 * and a file whose content hash matches the library's is skipped, so an interrupted import simply
 * continues on the next run.
 */
@Component
@SegueCommand(name = "import", summary = "Adds audio files to the library: analyses new and changed files")
public class ImportCommand implements Command {

    static final String USAGE_TEXT = "usage: segue import [--jobs N] <folders or files>\n"
            + "       segue import [--jobs N] --from <service> (--playlist <name or id> | <search words>) [--limit N]";
    static final int DEFAULT_SEARCH_LIMIT = 200;
    static final int CONNECTOR_WAIT_MILLIS = 3000;

    /** What happened to one file. */
    enum Outcome { ADDED, UPDATED, UNCHANGED, FAILED, CANCELLED }

    @Reference
    TrackLibrary library;

    @Reference
    AnalysisService analysis;

    @Reference
    AudioOpener opener;

    /** The installed connectors' service properties, in binding order; dynamic, so a new one is usable at once. */
    final List<Map<String, Object>> connectorProperties = new CopyOnWriteArrayList<>();
    final Map<Map<String, Object>, StreamingConnector> connectors = new java.util.concurrent.ConcurrentHashMap<>();

    /** Where downloads from services go; changed by tests. */
    Path downloads = defaultDownloads();

    @Reference(name = "connector", service = StreamingConnector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindConnector")
    void bindConnector(StreamingConnector connector, Map<String, Object> properties) {
        connectors.put(properties, connector);
        connectorProperties.add(properties);
    }

    void unbindConnector(StreamingConnector connector, Map<String, Object> properties) {
        connectorProperties.remove(properties);
        connectors.remove(properties);
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        int limit = DEFAULT_SEARCH_LIMIT;
        String from = null;
        String playlist = null;
        List<String> paths = new ArrayList<>();
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--jobs") || a.equals("-j") || a.equals("--limit")) {
                if (i + 1 == args.size() || !args.get(i + 1).matches("[1-9][0-9]{0,3}")) {
                    ctx.err().println("segue import: " + a + " needs a positive number\n" + USAGE_TEXT);
                    return USAGE;
                }
                int n = Integer.parseInt(args.get(++i));
                if (a.equals("--limit")) {
                    limit = n;
                } else {
                    jobs = n;
                }
            } else if (a.equals("--from") || a.equals("--playlist")) {
                if (i + 1 == args.size()) {
                    ctx.err().println("segue import: " + a + " needs a value\n" + USAGE_TEXT);
                    return USAGE;
                }
                if (a.equals("--from")) {
                    from = args.get(++i);
                } else {
                    playlist = args.get(++i);
                }
            } else if (a.startsWith("-")) {
                ctx.err().println("segue import: unknown option " + a + "\n" + USAGE_TEXT);
                return USAGE;
            } else {
                paths.add(a);
            }
        }
        if (from != null || playlist != null) {
            return importRemote(ctx, from, playlist, String.join(" ", paths), limit, jobs);
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
        return report(ctx, importAll(ctx, files, jobs, f -> f.getFileName().toString(), f -> importFile(ctx, f)));
    }

    private int importRemote(CommandContext ctx, String service, String playlist, String query, int limit, int jobs)
            throws InterruptedException {
        if (service == null || (playlist == null) == query.isBlank()) {
            ctx.err().println("segue import: --from needs a service and either --playlist or search words\n"
                    + USAGE_TEXT);
            return USAGE;
        }
        List<StreamingConnector> matching = connectors(service);
        // Accounts arrive through Config Admin while the kernel boots; give a just-started one a moment.
        for (int waited = 0; matching.isEmpty() && waited < CONNECTOR_WAIT_MILLIS && !ctx.cancelled(); waited += 100) {
            Thread.sleep(100);
            matching = connectors(service);
        }
        if (matching.size() != 1) {
            List<String> installed = connectorProperties.stream()
                    .map(p -> String.valueOf(p.get(StreamingConnector.SERVICE))).distinct().sorted().toList();
            ctx.err().println("segue import: " + (matching.isEmpty() ? "no " + service + " connector is configured"
                    : matching.size() + " " + service + " accounts are configured; keep one")
                    + " (configured: " + (installed.isEmpty() ? "none" : String.join(", ", installed))
                    + "); see `segue help` and the connector's README");
            return FAILURE;
        }
        StreamingConnector connector = matching.get(0);
        List<RemoteTrack> tracks;
        try {
            tracks = playlist != null ? RemoteImport.playlist(connector, playlist)
                    : RemoteImport.search(connector, query, limit);
        } catch (IOException | RuntimeException e) {
            ctx.err().println("segue import: " + service + ": " + e.getMessage());
            return FAILURE;
        }
        RemoteImport remote = new RemoteImport(library, analysis, opener, downloads);
        int result = report(ctx, importAll(ctx, tracks, jobs, t -> String.valueOf(t.title()),
                t -> remote.importTrack(ctx, connector, t)));
        long metadataOnly = tracks.stream().filter(t -> t.rights() != AudioRights.MIXABLE).count();
        if (metadataOnly > 0) {
            ctx.out().printf("%d of them metadata only: %s does not license their audio for mixing%n", metadataOnly,
                    service);
        }
        return result;
    }

    private List<StreamingConnector> connectors(String service) {
        return connectorProperties.stream()
                .filter(p -> service.equalsIgnoreCase(String.valueOf(p.get(StreamingConnector.SERVICE))))
                .map(connectors::get).filter(java.util.Objects::nonNull).toList();
    }

    private int report(CommandContext ctx, Map<Outcome, Integer> counts) {
        ctx.out().printf("%d added, %d updated, %d unchanged, %d failed%n", counts.get(Outcome.ADDED),
                counts.get(Outcome.UPDATED), counts.get(Outcome.UNCHANGED), counts.get(Outcome.FAILED));
        if (counts.get(Outcome.CANCELLED) > 0) {
            ctx.err().println("segue import: interrupted with " + counts.get(Outcome.CANCELLED)
                    + " files to go; run it again to continue");
            return FAILURE;
        }
        return counts.get(Outcome.FAILED) == 0 ? OK : FAILURE;
    }

    private <T> Map<Outcome, Integer> importAll(CommandContext ctx, List<T> items, int jobs,
            Function<T, String> name, Function<T, Outcome> work) throws InterruptedException {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "segue-import");
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = ctx.progress("Importing", items.size())) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    Outcome o = ctx.cancelled() ? Outcome.CANCELLED : work.apply(item);
                    progress.status(name.apply(item));
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

    static Path defaultDownloads() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("segue").resolve("remote");
    }
}
