package org.segue.plugin.server.http.internal.share;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.plugin.server.http.internal.auth.AccountHooks;
import org.segue.plugin.server.http.internal.store.JsonStore;
import org.segue.plugin.server.http.internal.web.ApiException;

/**
 * Share links and each user's privacy settings, kept in {@code DATA/shares.json} (owner-only,
 * replaced atomically) so that links survive a restart. Thread-safe: lookups read a concurrent
 * map without a lock, changes take this object's lock and rewrite the file.
 *
 * <p>Why the token itself is stored and not only its hash, as bearer tokens are: the owner lists
 * their links and copies them again later, so the server must be able to show them. A share token
 * grants listening to one mix, nothing else, and the file is readable by the server's user only.
 *
 * <p>Why view counts are written lazily (with the next change, or at most every
 * {@link #VIEW_FLUSH_MILLIS}): a page view must not rewrite the whole file; a crash loses at most
 * those seconds of counts.
 */
public final class ShareStore {

    /** 18 random bytes: 144 bits, 24 base64url characters. */
    static final int TOKEN_BYTES = 18;
    static final Pattern TOKEN_FORM = Pattern.compile("[A-Za-z0-9_-]{24}");
    static final long VIEW_FLUSH_MILLIS = 10_000;

    /** The file in the server's data folder. */
    public static final String FILE = "shares.json";

    public static final String UNLISTED = "unlisted";
    public static final String PUBLIC = "public";

    /** One share as stored. {@code views} is the count at the last write; {@link #views} has the live one. */
    public record Share(String token, String owner, String mixId, String visibility, String createdAt, long views) {
        Share withVisibility(String v) {
            return new Share(token, owner, mixId, v, createdAt, views);
        }

        Share withViews(long v) {
            return new Share(token, owner, mixId, visibility, createdAt, v);
        }
    }

    /** A user's privacy settings ({@code GET /api/me/privacy}). */
    public record Privacy(String defaultShareVisibility, boolean allowPublic) {
        public static final Privacy DEFAULT = new Privacy(UNLISTED, true);
    }

    /** The file's content. */
    record Document(List<Share> shares, Map<String, Privacy> privacy) {
    }

    private final JsonStore<Document> store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Share> byToken = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> views = new ConcurrentHashMap<>();
    private final Map<String, Privacy> privacy = new ConcurrentHashMap<>();
    private volatile long lastWrite;

    public ShareStore(Path file, ObjectMapper mapper, Clock clock) {
        this.store = new JsonStore<>(file, mapper, mapper.getTypeFactory().constructType(Document.class));
        this.clock = clock;
        Document d = store.read(new Document(List.of(), Map.of()));
        if (d.shares() != null) {
            for (Share s : d.shares()) {
                byToken.put(s.token(), s);
                views.put(s.token(), new AtomicLong(s.views()));
            }
        }
        if (d.privacy() != null) {
            privacy.putAll(d.privacy());
        }
        this.lastWrite = clock.millis();
    }

    /** The visibility a request asked for, checked; {@code null} stays {@code null} (the user's default). */
    static String visibility(String value, String field) {
        if (value == null || value.equals(UNLISTED) || value.equals(PUBLIC)) {
            return value;
        }
        throw ApiException.badField(field, field + " must be \"unlisted\" or \"public\", not \"" + value + "\"");
    }

    /**
     * Makes a new share of a mix (whose existence the caller checked).
     *
     * @param requested {@code unlisted}, {@code public}, or {@code null} for the owner's default
     * @throws ApiException 400 naming {@code visibility} when public sharing is not allowed or the value is unknown
     */
    public synchronized Share create(String owner, String mixId, String requested) {
        Privacy p = privacy(owner);
        String v = visibility(requested, "visibility");
        if (v == null) {
            v = p.allowPublic() ? p.defaultShareVisibility() : UNLISTED;
        }
        if (v.equals(PUBLIC) && !p.allowPublic()) {
            throw ApiException.badField("visibility", "your privacy settings do not allow public shares "
                    + "(allowPublic is false); share unlisted or change PUT /api/me/privacy");
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Share s = new Share(token, owner, mixId, v, clock.instant().toString(), 0);
        byToken.put(token, s);
        views.put(token, new AtomicLong());
        save();
        return s;
    }

    /** A live share by token; a token not of the form of one finds nothing without a lookup. */
    public Optional<Share> find(String token) {
        if (token == null || !TOKEN_FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byToken.get(token)).map(this::current);
    }

    /** The owner's shares, newest first. */
    public List<Share> ofOwner(String owner) {
        return select(s -> s.owner().equals(owner));
    }

    /** The shares of one of the owner's mixes, newest first. */
    public List<Share> ofMix(String owner, String mixId) {
        return select(s -> s.owner().equals(owner) && s.mixId().equals(mixId));
    }

    /** Every public share, newest first. */
    public List<Share> publicShares() {
        return select(s -> s.visibility().equals(PUBLIC));
    }

    private List<Share> select(Predicate<Share> which) {
        List<Share> out = new ArrayList<>();
        for (Share s : byToken.values()) {
            if (which.test(s)) {
                out.add(current(s));
            }
        }
        out.sort(Comparator.comparing(Share::createdAt).thenComparing(Share::token).reversed());
        return out;
    }

    private Share current(Share s) {
        AtomicLong n = views.get(s.token());
        return n == null ? s : s.withViews(n.get());
    }

    /** Revokes one of the owner's shares, for good; false when the owner has no such share. */
    public synchronized boolean revoke(String owner, String token) {
        Share s = find(token).orElse(null);
        if (s == null || !s.owner().equals(owner)) {
            return false;
        }
        remove(s.token());
        save();
        return true;
    }

    /** Revokes every share that matches (a deleted mix's); returns how many. */
    public synchronized int revokeIf(Predicate<Share> doomed) {
        List<String> tokens = byToken.values().stream().filter(doomed).map(Share::token).toList();
        tokens.forEach(this::remove);
        if (!tokens.isEmpty()) {
            save();
        }
        return tokens.size();
    }

    /** A deleted account: its shares end and its settings are forgotten. */
    public synchronized void forget(String owner) {
        byToken.values().stream().filter(s -> s.owner().equals(owner)).map(Share::token).toList()
                .forEach(this::remove);
        privacy.remove(owner);
        save();
    }

    /** {@code hooks} that also make this store {@link #forget} a deleted account. */
    public AccountHooks forgetting(AccountHooks hooks) {
        return new AccountHooks() {
            @Override
            public void created(String username) {
                hooks.created(username);
            }

            @Override
            public void deleted(String username) {
                forget(username);
                hooks.deleted(username);
            }
        };
    }

    private void remove(String token) {
        byToken.remove(token);
        views.remove(token);
    }

    /** Counts one view of a share page; the count is written to disk lazily (see the class comment). */
    public void view(String token) {
        AtomicLong n = views.get(token);
        if (n == null) {
            return;
        }
        n.incrementAndGet();
        if (clock.millis() - lastWrite >= VIEW_FLUSH_MILLIS) {
            synchronized (this) {
                if (clock.millis() - lastWrite >= VIEW_FLUSH_MILLIS) {
                    save();
                }
            }
        }
    }

    public Privacy privacy(String owner) {
        return privacy.getOrDefault(owner, Privacy.DEFAULT);
    }

    /**
     * Changes a user's privacy settings; a {@code null} field keeps its value. Forbidding public
     * shares makes the user's public shares unlisted at once (they stay reachable by their link).
     *
     * @throws ApiException 400 naming {@code defaultShareVisibility} when it is unknown, or public while
     *     public shares are not allowed
     */
    public synchronized Privacy setPrivacy(String owner, String defaultVisibility, Boolean allowPublic) {
        Privacy old = privacy(owner);
        String v = visibility(defaultVisibility, "defaultShareVisibility");
        Privacy p = new Privacy(v == null ? old.defaultShareVisibility() : v,
                allowPublic == null ? old.allowPublic() : allowPublic);
        if (!p.allowPublic() && p.defaultShareVisibility().equals(PUBLIC)) {
            if (v != null) {
                throw ApiException.badField("defaultShareVisibility",
                        "defaultShareVisibility cannot be public while allowPublic is false");
            }
            p = new Privacy(UNLISTED, false);
        }
        privacy.put(owner, p);
        if (!p.allowPublic()) {
            for (Share s : List.copyOf(byToken.values())) {
                if (s.owner().equals(owner) && s.visibility().equals(PUBLIC)) {
                    byToken.put(s.token(), s.withVisibility(UNLISTED));
                }
            }
        }
        save();
        return p;
    }

    private void save() {
        List<Share> all = byToken.values().stream().map(this::current)
                .sorted(Comparator.comparing(Share::createdAt).thenComparing(Share::token)).toList();
        store.write(new Document(all, new TreeMap<>(privacy)));
        lastWrite = clock.millis();
    }
}
