package org.segue.plugin.server.http.internal.auth;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.plugin.server.http.internal.store.JsonStore;
import org.segue.plugin.server.http.internal.web.ApiException;

/**
 * The accounts, kept in {@code DATA/users.json} (owner-only, replaced atomically on each change).
 * Thread-safe: changes are synchronized, lookups are not; password hashing happens outside the lock.
 */
public final class UserStore {

    /** Allowed user names: also folder names under {@code DATA/users/}, hence the narrow set. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{2,32}");
    public static final int MIN_PASSWORD = 8;
    /** Upper bound so that a huge password cannot make one hash cost seconds. */
    public static final int MAX_PASSWORD = 1024;

    /** One stored account. */
    public record Account(String username, String role, String createdAt, String passwordHash) {
        User user() {
            return new User(username, role, createdAt);
        }
    }

    private final JsonStore<List<Account>> store;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Sorted by name; read without the lock on every request (find), changed under it. */
    private final Map<String, Account> accounts = new ConcurrentSkipListMap<>();

    public UserStore(Path file, ObjectMapper mapper, PasswordHasher hasher, Clock clock) {
        this.store = new JsonStore<>(file, mapper,
                mapper.getTypeFactory().constructCollectionType(List.class, Account.class));
        this.hasher = hasher;
        this.clock = clock;
        for (Account a : store.read(List.of())) {
            accounts.put(a.username(), a);
        }
    }

    public synchronized boolean isEmpty() {
        return accounts.isEmpty();
    }

    public synchronized List<User> list() {
        return accounts.values().stream().map(Account::user).toList();
    }

    public Optional<User> find(String username) {
        return Optional.ofNullable(accounts.get(username)).map(Account::user);
    }

    /**
     * Creates an account.
     *
     * @throws ApiException 400 naming the field at fault, 409 when the name is taken
     */
    public User create(String username, String password, Role role) {
        checkUsername(username);
        checkPassword(password, "password");
        if (role == null) {
            throw ApiException.badField("role", "role must be \"user\" or \"admin\"");
        }
        String hash = hasher.hash(password);
        synchronized (this) {
            if (accounts.containsKey(username)) {
                throw ApiException.conflict("user " + username + " already exists", "username");
            }
            Account a = new Account(username, role.id(), clock.instant().toString(), hash);
            accounts.put(username, a);
            save();
            return a.user();
        }
    }

    /**
     * The user whose name and password match, else empty; unknown names cost the same time as
     * wrong passwords. A match whose stored hash is weaker than the configured parameters is
     * rehashed with them and saved (atomically, as every change), the only moment the password is
     * known; a wrong password changes nothing.
     */
    public Optional<User> authenticate(String username, String password) {
        Account a;
        synchronized (this) {
            a = username == null ? null : accounts.get(username);
        }
        if (password == null || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        if (a == null) {
            hasher.burn(password);
            return Optional.empty();
        }
        if (!hasher.verify(password, a.passwordHash())) {
            return Optional.empty();
        }
        if (hasher.needsRehash(a.passwordHash())) {
            rehash(a, hasher.hash(password));
        }
        return Optional.of(a.user());
    }

    /**
     * Replaces a verified account's hash unless it changed meanwhile (a password change or a
     * parallel login's rehash wins). A failed save keeps the old hash in memory as on disk: the
     * login still succeeds, and the next one tries again.
     */
    private synchronized void rehash(Account verified, String hash) {
        if (accounts.get(verified.username()) != verified) {
            return;
        }
        accounts.put(verified.username(), new Account(verified.username(), verified.role(), verified.createdAt(), hash));
        try {
            save();
        } catch (UncheckedIOException e) {
            accounts.put(verified.username(), verified);
        }
    }

    /** Sets a new password (the caller has checked the old one). */
    public void setPassword(String username, String password) {
        checkPassword(password, "newPassword");
        String hash = hasher.hash(password);
        synchronized (this) {
            Account a = accounts.get(username);
            if (a == null) {
                throw ApiException.notFound("user " + username);
            }
            accounts.put(username, new Account(a.username(), a.role(), a.createdAt(), hash));
            save();
        }
    }

    /** Deletes an account; true when it existed. */
    public synchronized boolean delete(String username) {
        if (accounts.remove(username) == null) {
            return false;
        }
        save();
        return true;
    }

    /** The number of admins, so the last one is never deleted. */
    public synchronized long admins() {
        return accounts.values().stream().filter(a -> Role.ADMIN.id().equals(a.role())).count();
    }

    private void save() {
        store.write(new ArrayList<>(accounts.values()));
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badField("username", "username must match [a-z0-9_.-]{2,32}");
        }
    }

    static void checkPassword(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ApiException.badField(field, field + " must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw ApiException.badField(field, field + " must have at most " + MAX_PASSWORD + " characters");
        }
    }
}
