package org.segue.marketplace.server.internal.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.segue.marketplace.server.internal.catalog.Catalog;
import org.segue.marketplace.server.internal.catalog.Event;
import org.segue.marketplace.server.internal.catalog.Release;

/**
 * The durable marketplace: the journal of events, the catalogue folded from it, and the blobs.
 * {@link #commit} is the only way the catalogue changes: the event is on disk before it is
 * applied, so what a client was told is committed survives {@code kill -9}, and nothing is
 * half-there (a torn journal tail is cut, an unreferenced blob swept).
 *
 * <p>Download counts are the exception, by choice: counting each download with a forced write
 * would make downloads as slow as publishes, so they are added up in memory and committed by
 * {@link #flushDownloads} every few seconds and on close; a {@code kill -9} may lose the last few
 * seconds of counts, never a release.
 */
public final class MarketStore implements Closeable {

    private final ObjectMapper json = Json.mapper();
    private final Catalog catalog = new Catalog();
    private final Journal journal;
    private final BlobStore blobs;
    private final Map<String, Long> pendingDownloads = new HashMap<>();
    private final Object commitLock = new Object();
    private Consumer<Event> listener = e -> { };

    public MarketStore(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        this.blobs = new BlobStore(dataDir);
        this.journal = Journal.open(dataDir.resolve("journal.log"), this::replay);
        Set<String> referenced = catalog.plugins().stream().flatMap(p -> p.versions().stream())
                .map(Release::sha256).collect(Collectors.toSet());
        for (String sha : referenced) {
            if (!blobs.contains(sha)) {
                throw new IOException("the journal names blob " + sha + " but " + blobs.path(sha)
                        + " is missing; restore the data folder from a backup");
            }
        }
        int swept = blobs.sweep(referenced);
        if (swept > 0) {
            System.err.println("marketplace: removed " + swept + " uncommitted upload file(s) from " + dataDir);
        }
    }

    private void replay(byte[] payload) {
        try {
            catalog.apply(json.readValue(payload, Event.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable journal record: " + e.getMessage(), e);
        }
    }

    /** Called after each commit, under the commit lock, with the event just applied. */
    public void onCommit(Consumer<Event> listener) {
        this.listener = listener;
    }

    public Catalog catalog() {
        return catalog;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /**
     * Runs {@code check} and commits the event it returns as one step: no other commit runs in
     * between, so checks such as "this version is new" still hold when the event is written.
     */
    public <E extends Event> E commit(Check<E> check) throws Exception {
        synchronized (commitLock) {
            E event = check.run();
            journal.append(json.writeValueAsBytes(event));
            catalog.apply(event);
            listener.accept(event);
            return event;
        }
    }

    /** The check-then-event step of {@link #commit}; it may throw to commit nothing. */
    @FunctionalInterface
    public interface Check<E extends Event> {
        E run() throws Exception;
    }

    public void countDownload(String symbolicName, String version) {
        synchronized (pendingDownloads) {
            pendingDownloads.merge(symbolicName + " " + version, 1L, Long::sum);
        }
    }

    /** Downloads counted but not yet committed, for readers who want the live figure. */
    public long pendingDownloads(String symbolicName, String version) {
        synchronized (pendingDownloads) {
            return pendingDownloads.getOrDefault(symbolicName + " " + version, 0L);
        }
    }

    public void flushDownloads() throws Exception {
        Map<String, Long> counts;
        synchronized (pendingDownloads) {
            if (pendingDownloads.isEmpty()) {
                return;
            }
            counts = new HashMap<>(pendingDownloads);
            pendingDownloads.clear();
        }
        commit(() -> new Event.DownloadsCounted(counts, Instant.now()));
    }

    @Override
    public void close() throws IOException {
        try {
            flushDownloads();
        } catch (Exception e) {
            System.err.println("marketplace: download counts not saved: " + e.getMessage());
        }
        journal.close();
    }
}
