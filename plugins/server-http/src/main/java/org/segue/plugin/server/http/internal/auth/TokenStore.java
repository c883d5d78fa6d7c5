package org.segue.plugin.server.http.internal.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.plugin.server.http.internal.store.JsonStore;

/**
 * Bearer tokens: 256 random bits, shown to the client once, stored only as their SHA-256 (a stolen
 * {@code tokens.json} lets nobody in), with an expiry. Kept in {@code DATA/tokens.json} so that a
 * restart does not log everyone out. Thread-safe.
 *
 * <p>Why SHA-256 and not a slow hash here: a token has 256 bits of entropy, so no guessing attack
 * exists to slow down, and every request checks one.
 */
public final class TokenStore {

    /** A token as stored: its hash, owner and expiry. */
    public record Entry(String hash, String username, String expiresAt) {
    }

    /** A token just issued: the secret the client keeps, and when it stops working. */
    public record Issued(String token, Instant expiresAt) {
    }

    private final JsonStore<List<Entry>> store;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    /** Read on every request without a lock; changes also take the store's lock, to write the file. */
    private final Map<String, Live> byHash = new ConcurrentHashMap<>();

    /** An entry with its expiry parsed once. */
    private record Live(Entry entry, Instant expires) {
        Live(Entry entry) {
            this(entry, Instant.parse(entry.expiresAt()));
        }
    }

    public TokenStore(Path file, ObjectMapper mapper, Clock clock, Duration lifetime) {
        this.store = new JsonStore<>(file, mapper,
                mapper.getTypeFactory().constructCollectionType(List.class, Entry.class));
        this.clock = clock;
        this.lifetime = lifetime;
        Instant now = clock.instant();
        for (Entry e : store.read(List.of())) {
            Live live = new Live(e);
            if (live.expires().isAfter(now)) {
                byHash.put(e.hash(), live);
            }
        }
    }

    /** Issues a new token for a user. */
    public Issued issue(String username) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = clock.instant().plus(lifetime);
        synchronized (this) {
            purgeExpired();
            byHash.put(hash(token), new Live(new Entry(hash(token), username, expires.toString())));
            save();
        }
        return new Issued(token, expires);
    }

    /** The user a token belongs to, when it is known and not expired. */
    public Optional<String> owner(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return ownerOfHash(hash(token));
    }

    /** As {@link #owner}, for a token already hashed with {@link #hash}. */
    public Optional<String> ownerOfHash(String tokenHash) {
        Live e = byHash.get(tokenHash);
        if (e == null || !e.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(e.entry().username());
    }

    /** Ends one token. */
    public synchronized void revoke(String token) {
        if (byHash.remove(hash(token)) != null) {
            save();
        }
    }

    /** Ends every token of a user (deleted account, changed password). */
    public synchronized void revokeAll(String username) {
        if (byHash.values().removeIf(e -> e.entry().username().equals(username))) {
            save();
        }
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        byHash.values().removeIf(e -> !e.expires().isAfter(now));
    }

    private void save() {
        store.write(byHash.values().stream().map(Live::entry).toList());
    }

    /** Hex SHA-256 of a token; also the key rate limits are kept under, so no secret sits in memory maps. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
