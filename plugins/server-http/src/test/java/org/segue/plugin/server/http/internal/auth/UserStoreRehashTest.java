package org.segue.plugin.server.http.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hash made with a weaker work factor is replaced at the next successful login, and only then. */
class UserStoreRehashTest {

    static final String PASSWORD = "correct horse battery";
    /** Low counts keep the test fast; the production floor is {@link PasswordHasher#MIN_ITERATIONS}. */
    static final int OLD = 1_000;
    static final int CONFIGURED = 4_000;

    @TempDir
    Path dir;
    final ObjectMapper mapper = new ObjectMapper();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aWeakHashIsRehashedAtTheNextSuccessfulLoginAndOnlyThen() throws Exception {
        Path file = dir.resolve("users.json");
        new UserStore(file, mapper, new PasswordHasher(OLD), clock).create("alice", PASSWORD, Role.USER);
        String before = storedHash(file);
        assertEquals(OLD, iterations(before));

        UserStore store = new UserStore(file, mapper, new PasswordHasher(CONFIGURED), clock);
        byte[] untouched = Files.readAllBytes(file);
        assertFalse(store.authenticate("alice", PASSWORD + "!").isPresent());
        assertFalse(store.authenticate("bob", PASSWORD).isPresent());
        assertArrayEquals(untouched, Files.readAllBytes(file), "a failed login changes nothing");

        assertEquals("alice", store.authenticate("alice", PASSWORD).orElseThrow().username());
        String after = storedHash(file);
        assertEquals(CONFIGURED, iterations(after), "rehashed with the configured work factor");
        assertNotEquals(before.split("\\$")[2], after.split("\\$")[2], "with a fresh salt");

        UserStore reloaded = new UserStore(file, mapper, new PasswordHasher(CONFIGURED), clock);
        byte[] rehashed = Files.readAllBytes(file);
        assertTrue(reloaded.authenticate("alice", PASSWORD).isPresent(), "the same password still works");
        assertFalse(reloaded.authenticate("alice", "wrong password").isPresent());
        assertArrayEquals(rehashed, Files.readAllBytes(file), "a hash at the configured strength is kept");
        assertEquals("alice", reloaded.find("alice").orElseThrow().username());
        assertEquals(clock.instant().toString(), reloaded.find("alice").orElseThrow().createdAt(), "the account is the same");
    }

    @Test
    void aStrongerStoredHashIsKeptWhenTheConfiguredCountIsLowered() throws Exception {
        Path file = dir.resolve("users.json");
        new UserStore(file, mapper, new PasswordHasher(CONFIGURED), clock).create("carol", PASSWORD, Role.ADMIN);
        byte[] stored = Files.readAllBytes(file);
        assertTrue(new UserStore(file, mapper, new PasswordHasher(OLD), clock).authenticate("carol", PASSWORD).isPresent());
        assertArrayEquals(stored, Files.readAllBytes(file));
    }

    private String storedHash(Path file) throws Exception {
        JsonNode accounts = mapper.readTree(file.toFile());
        assertEquals(1, accounts.size());
        return accounts.get(0).get("passwordHash").asText();
    }

    private static int iterations(String stored) {
        return Integer.parseInt(stored.split("\\$")[1]);
    }
}
