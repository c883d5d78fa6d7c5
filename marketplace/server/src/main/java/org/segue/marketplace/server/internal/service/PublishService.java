package org.segue.marketplace.server.internal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.bundle.BundleHeaders;
import org.segue.marketplace.server.internal.bundle.BundleInspector;
import org.segue.marketplace.server.internal.bundle.OsgiVersion;
import org.segue.marketplace.server.internal.bundle.UploadLimits;
import org.segue.marketplace.server.internal.catalog.Event;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.catalog.Release;
import org.segue.marketplace.server.internal.catalog.ReleaseMetadata;
import org.segue.marketplace.server.internal.store.BlobStore;
import org.segue.marketplace.server.internal.store.MarketStore;

/**
 * Publishes a release: a signed release document and the bundle it names. The checks run
 * cheapest first and all before anything is stored: the document and its signature, then the
 * bundle's bytes against the signed SHA-256 and size, then the jar itself, then, under the commit
 * lock, the catalogue rules (the symbolic name belongs to its first publisher, a version is
 * published once, versions only go up within a major line). Only then is the staged file renamed
 * into the blob store and the event journaled.
 *
 * <p>The release document ({@code segue-release/1}):
 * <pre>{"format":"segue-release/1","account":"alice","key":"sha256:…","issued":1764140000000,
 *  "sha256":"&lt;hex of the jar&gt;","size":12345,
 *  "metadata":{"name":…,"summary":…,"description":…,"category":"effect","license":…,"homepage":…}}</pre>
 */
public final class PublishService {

    public static final String FORMAT = "segue-release/1";

    private final MarketStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final UploadLimits limits;
    private final Runnable beforeCommit;

    /**
     * @param beforeCommit runs after the blob is in place and before the journal record: a fault
     *                     injection point for the crash test, a no-op otherwise
     */
    public PublishService(MarketStore store, ObjectMapper json, Clock clock, UploadLimits limits, Runnable beforeCommit) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.limits = limits;
        this.beforeCommit = beforeCommit;
    }

    public Release publish(byte[] document, String signature, InputStream bundle) throws Exception {
        SignedDocument doc = SignedDocument.parse(json, document, FORMAT);
        doc.verify(store.catalog(), signature);
        ReleaseMetadata metadata = metadata(doc.body());
        metadata.validate();
        String signedSha = SignedDocument.text(doc.body(), "sha256");
        long signedSize = doc.body().path("size").asLong(-1);
        if (bundle == null) {
            throw Rejection.badRequest("no-bundle", "the request has no bundle part");
        }
        BlobStore.Staged staged;
        try {
            staged = store.blobs().stage(bundle, limits.maxUploadBytes());
        } catch (BlobStore.TooLargeException e) {
            throw new Rejection(413, "too-large", e.getMessage());
        }
        try {
            if (!staged.sha256().equals(signedSha) || staged.size() != signedSize) {
                throw Rejection.forbidden("tampered", "the bundle is not the one signed: its SHA-256 is "
                        + staged.sha256() + " (" + staged.size() + " bytes), the signed release names "
                        + signedSha + " (" + signedSize + " bytes)");
            }
            BundleHeaders headers = new BundleInspector(limits).inspect(staged.file());
            store.commit(() -> {
                checkCatalogueRules(doc.account(), headers);
                doc.checkFresh(store.catalog(), clock.instant());
                store.blobs().commit(staged);
                beforeCommit.run();
                return new Event.ReleasePublished(doc.account(), headers, staged.sha256(), staged.size(),
                        Base64.getEncoder().encodeToString(document), signature.trim(), metadata, doc.issued(),
                        clock.instant());
            });
            return store.catalog().plugin(headers.name()).flatMap(p -> p.version(headers.osgiVersion())).orElseThrow();
        } finally {
            store.blobs().discard(staged);
        }
    }

    private void checkCatalogueRules(String account, BundleHeaders headers) throws Rejection {
        String bsn = headers.name();
        OsgiVersion version = headers.osgiVersion();
        Optional<Plugin> existing = store.catalog().plugin(bsn);
        if (existing.isEmpty()) {
            return;
        }
        Plugin plugin = existing.get();
        if (!plugin.owner().equals(account)) {
            throw Rejection.forbidden("name-owned", "symbolic name " + bsn + " belongs to publisher '"
                    + plugin.owner() + "'; '" + account + "' cannot publish under it");
        }
        if (plugin.version(version).isPresent()) {
            throw Rejection.conflict("duplicate-version", bsn + " " + version
                    + " is already published; versions are immutable, publish a higher one");
        }
        Optional<Release> higher = plugin.versions().stream()
                .filter(r -> r.version().major() == version.major() && r.version().compareTo(version) > 0)
                .findFirst();
        if (higher.isPresent()) {
            throw Rejection.conflict("version-downgrade", bsn + " " + version + " is lower than the published "
                    + higher.get().version() + "; within a major version, a new release must be the highest");
        }
    }

    private ReleaseMetadata metadata(JsonNode body) throws Rejection {
        JsonNode m = body.path("metadata");
        if (!m.isObject()) {
            throw Rejection.badRequest("bad-metadata", "metadata is missing");
        }
        try {
            return json.treeToValue(m, ReleaseMetadata.class);
        } catch (JsonProcessingException e) {
            throw Rejection.badRequest("bad-metadata", "metadata is malformed: " + e.getOriginalMessage());
        }
    }
}
