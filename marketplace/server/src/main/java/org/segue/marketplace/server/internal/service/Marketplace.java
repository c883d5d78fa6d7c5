package org.segue.marketplace.server.internal.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.bundle.ApiRelease;
import org.segue.marketplace.server.internal.bundle.OsgiVersion;
import org.segue.marketplace.server.internal.bundle.UploadLimits;
import org.segue.marketplace.server.internal.catalog.Catalog;
import org.segue.marketplace.server.internal.catalog.Event;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.catalog.Release;
import org.segue.marketplace.server.internal.crypto.MarketKey;
import org.segue.marketplace.server.internal.feed.IndexJson;
import org.segue.marketplace.server.internal.feed.RepositoryXml;
import org.segue.marketplace.server.internal.search.SearchIndex;
import org.segue.marketplace.server.internal.store.Json;
import org.segue.marketplace.server.internal.store.MarketStore;

/**
 * The marketplace behind the HTTP layer: the store, the services that change it, the search index
 * that follows it, and the signed feeds built from it. One instance per data folder.
 */
public final class Marketplace implements Closeable {

    /** How long a client may trust an index copy; the server re-signs well before that. */
    public static final Duration INDEX_VALIDITY = Duration.ofDays(7);
    private static final Duration INDEX_REFRESH = Duration.ofDays(1);

    /** A feed's bytes with the marketplace's detached signature of them. */
    public record SignedFeed(byte[] bytes, String signature, long generation, Instant issued, String baseUrl) {
    }

    private final ObjectMapper json = Json.mapper();
    private final Clock clock;
    private final MarketStore store;
    private final MarketKey key;
    private final List<ApiRelease> apis;
    private final SearchIndex search;
    private final AccountService accounts;
    private final PublishService publisher;
    private final ReviewService reviews;
    private volatile SignedFeed index;
    private volatile SignedFeed repository;

    public Marketplace(Path dataDir, List<ApiRelease> apis, UploadLimits limits, Clock clock, Runnable beforeCommit)
            throws IOException {
        this.clock = clock;
        this.apis = List.copyOf(apis);
        this.store = new MarketStore(dataDir);
        this.key = MarketKey.loadOrCreate(dataDir.resolve("keys"));
        this.search = new SearchIndex(this.apis);
        search.updateAll(store.catalog().plugins());
        store.onCommit(this::reindex);
        this.accounts = new AccountService(store, json, clock);
        this.publisher = new PublishService(store, json, clock, limits, beforeCommit);
        this.reviews = new ReviewService(store, json, clock);
    }

    private void reindex(Event e) {
        String plugin = null;
        if (e instanceof Event.ReleasePublished p) {
            plugin = p.headers().name();
        } else if (e instanceof Event.YankSet y) {
            plugin = y.plugin();
        } else if (e instanceof Event.RatingSet r) {
            plugin = r.plugin();
        }
        if (plugin != null) {
            store.catalog().plugin(plugin).ifPresent(search::update);
        }
    }

    public ObjectMapper json() {
        return json;
    }

    public Catalog catalog() {
        return store.catalog();
    }

    public AccountService accounts() {
        return accounts;
    }

    public PublishService publisher() {
        return publisher;
    }

    public ReviewService reviews() {
        return reviews;
    }

    /** Scratch space for request bodies, emptied on every start. */
    public Path scratch() {
        return store.blobs().tmp();
    }

    public List<ApiRelease> apis() {
        return apis;
    }

    public MarketKey key() {
        return key;
    }

    public List<Plugin> search(String text, String category, String api, int limit) {
        return search.search(text, category, api, limit).stream()
                .map(bsn -> store.catalog().plugin(bsn)).flatMap(Optional::stream).toList();
    }

    public Set<String> compatibleApis(Plugin plugin) {
        return search.compatibleApis(plugin);
    }

    /** Downloads of a version, including those not yet committed. */
    public long downloads(Release r) {
        return r.downloads() + store.pendingDownloads(r.symbolicName(), r.version().toString());
    }

    /** The blob of a version, counted as a download; yanked versions stay downloadable, as pinned installs need them. */
    public Path download(String symbolicName, String version) throws Rejection {
        OsgiVersion v = ReviewService.parseVersion(version);
        Release r = store.catalog().plugin(symbolicName).flatMap(p -> p.version(v))
                .orElseThrow(() -> Rejection.notFound("no plugin " + symbolicName + " version " + version));
        store.countDownload(symbolicName, r.version().toString());
        return store.blobs().path(r.sha256());
    }

    public void flushDownloads() throws Exception {
        store.flushDownloads();
    }

    public SignedFeed index(String baseUrl) {
        SignedFeed current = index;
        long generation = store.catalog().generation();
        Instant now = clock.instant();
        if (current != null && current.generation() == generation && current.baseUrl().equals(baseUrl)
                && current.issued().plus(INDEX_REFRESH).isAfter(now)) {
            return current;
        }
        byte[] bytes = IndexJson.write(json, store.catalog().accounts(), store.catalog().plugins(), generation, now,
                now.plus(INDEX_VALIDITY), baseUrl, search::compatibleApis,
                r -> downloads(r));
        current = new SignedFeed(bytes, key.sign(bytes), generation, now, baseUrl);
        index = current;
        return current;
    }

    public SignedFeed repository(String baseUrl) {
        SignedFeed current = repository;
        long generation = store.catalog().generation();
        if (current != null && current.generation() == generation && current.baseUrl().equals(baseUrl)) {
            return current;
        }
        byte[] bytes = RepositoryXml.write(store.catalog().plugins(), generation, baseUrl);
        current = new SignedFeed(bytes, key.sign(bytes), generation, clock.instant(), baseUrl);
        repository = current;
        return current;
    }

    @Override
    public void close() throws IOException {
        try {
            search.close();
        } finally {
            store.close();
        }
    }
}
