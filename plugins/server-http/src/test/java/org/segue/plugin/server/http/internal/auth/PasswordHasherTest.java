package org.segue.plugin.server.http.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        PasswordHasher h = new PasswordHasher(1000);
        String a = h.hash("correct horse");
        String b = h.hash("correct horse");
        assertNotEquals(a, b, "a fresh salt per hash");
        assertTrue(h.verify("correct horse", a));
        assertTrue(h.verify("correct horse", b));
        assertFalse(h.verify("correct horsE", a));
        assertFalse(h.verify("", a));
        assertFalse(h.verify("correct horse", "garbage"));
        assertFalse(h.verify("correct horse", null));
    }

    @Test
    void storedFormNamesAlgorithmAndWorkFactorSoTheyCanBeRaisedLater() {
        String stored = new PasswordHasher(PasswordHasher.ITERATIONS).hash("password123");
        String[] parts = stored.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(PasswordHasher.ITERATIONS, Integer.parseInt(parts[1]));
        assertTrue(PasswordHasher.ITERATIONS >= 210_000, "the brief's floor");
        assertEquals(16, java.util.Base64.getDecoder().decode(parts[2]).length, "128-bit salt");
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[3]).length, "256-bit hash");
        // A hash made with one work factor verifies under a hasher configured with another.
        assertTrue(new PasswordHasher(1000).verify("password123", stored));
    }

    @Test
    void aHashIsWeakWhenItHasFewerIterationsOrAnotherAlgorithm() {
        PasswordHasher configured = new PasswordHasher(2000);
        assertTrue(configured.needsRehash(new PasswordHasher(1000).hash("password123")), "fewer iterations");
        assertFalse(configured.needsRehash(configured.hash("password123")), "the configured strength");
        assertFalse(configured.needsRehash(new PasswordHasher(3000).hash("password123")), "a stronger one is kept");
        assertTrue(configured.needsRehash("pbkdf2-sha1$600000$c2FsdA$aGFzaA"), "another algorithm");
        assertTrue(configured.needsRehash("pbkdf2-sha256$many$c2FsdA$aGFzaA"), "unreadable parameters");
    }
}
