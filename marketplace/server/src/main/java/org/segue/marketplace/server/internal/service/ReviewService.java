package org.segue.marketplace.server.internal.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.bundle.OsgiVersion;
import org.segue.marketplace.server.internal.catalog.Event;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.store.MarketStore;

/**
 * The signed actions on a published plugin: its owner yanks or restores a version
 * ({@code segue-yank/1}), any account rates it ({@code segue-rating/1}; one rating per account and
 * plugin, a newer one replaces the older).
 */
public final class ReviewService {

    public static final String YANK_FORMAT = "segue-yank/1";
    public static final String RATING_FORMAT = "segue-rating/1";

    private final MarketStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public ReviewService(MarketStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /**
     * {@code {"format":"segue-yank/1","account":…,"key":…,"issued":…,"plugin":bsn,"version":"1.2.0",
     * "yanked":true,"reason":"…"}}; the plugin and version must match the request path.
     */
    public void yank(String plugin, String version, byte[] document, String signature) throws Exception {
        SignedDocument doc = SignedDocument.parse(json, document, YANK_FORMAT);
        doc.verify(store.catalog(), signature);
        matchesPath(doc, "plugin", plugin);
        OsgiVersion v = parseVersion(SignedDocument.text(doc.body(), "version"));
        if (!v.equals(parseVersion(version))) {
            throw Rejection.badRequest("path-mismatch", "the signed version " + v + " is not the version in the path, " + version);
        }
        if (!doc.body().path("yanked").isBoolean()) {
            throw Rejection.badRequest("bad-json", "yanked (true or false) is missing");
        }
        boolean yanked = doc.body().path("yanked").asBoolean();
        String reason = doc.body().path("reason").asText("");
        if (reason.length() > 500) {
            throw Rejection.badRequest("bad-json", "reason is longer than 500 characters");
        }
        store.commit(() -> {
            Plugin p = existing(plugin);
            if (!p.owner().equals(doc.account())) {
                throw Rejection.forbidden("not-owner", "only the publisher '" + p.owner() + "' may yank " + plugin);
            }
            if (p.version(v).isEmpty()) {
                throw Rejection.notFound(plugin + " has no version " + v);
            }
            doc.checkFresh(store.catalog(), clock.instant());
            return new Event.YankSet(doc.account(), plugin, v.toString(), yanked, reason, doc.issued(), clock.instant());
        });
    }

    /** {@code {"format":"segue-rating/1","account":…,"key":…,"issued":…,"plugin":bsn,"stars":4,"review":"…"}} */
    public void rate(String plugin, byte[] document, String signature) throws Exception {
        SignedDocument doc = SignedDocument.parse(json, document, RATING_FORMAT);
        doc.verify(store.catalog(), signature);
        matchesPath(doc, "plugin", plugin);
        if (!doc.body().path("stars").isInt()) {
            throw Rejection.badRequest("bad-rating", "stars (1 to 5) is missing");
        }
        int stars = doc.body().path("stars").asInt();
        if (stars < 1 || stars > 5) {
            throw Rejection.badRequest("bad-rating", "stars must be 1 to 5, was " + stars);
        }
        String review = doc.body().path("review").asText("");
        if (review.length() > 5000) {
            throw Rejection.badRequest("bad-rating", "review is longer than 5000 characters");
        }
        store.commit(() -> {
            existing(plugin);
            doc.checkFresh(store.catalog(), clock.instant());
            return new Event.RatingSet(doc.account(), plugin, stars, review, doc.issued(), clock.instant());
        });
    }

    private Plugin existing(String plugin) throws Rejection {
        return store.catalog().plugin(plugin).orElseThrow(() -> Rejection.notFound("no plugin " + plugin));
    }

    private static void matchesPath(SignedDocument doc, String field, String expected) throws Rejection {
        String signed = SignedDocument.text(doc.body(), field);
        if (!signed.equals(expected)) {
            throw Rejection.badRequest("path-mismatch", "the signed " + field + " '" + signed
                    + "' is not the one in the path, '" + expected + "'");
        }
    }

    static OsgiVersion parseVersion(String v) throws Rejection {
        try {
            return OsgiVersion.parse(v);
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("bad-version", e.getMessage());
        }
    }
}
