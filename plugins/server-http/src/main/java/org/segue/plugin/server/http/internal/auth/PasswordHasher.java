package org.segue.plugin.server.http.internal.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 from the JDK, a random 16-byte salt per account and
 * 600,000 iterations (OWASP's figure for this function; the brief's floor is 210,000).
 *
 * <p>Why PBKDF2 and not Argon2id: it is in every JDK 17+, so the server needs no crypto bundle
 * (Bouncy Castle is 8 MB and would have to be wired into OSGi), and at this iteration count it
 * meets the current guidance. Argon2id is memory-hard and would be better against GPU farms; the
 * stored form names the algorithm and iteration count, so a later release can move to it (or raise
 * the count) by rehashing at the next successful login.
 *
 * <p>Stored form: {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}. A hash verifies with
 * the parameters stored beside it, whatever this hasher's; {@link #needsRehash} tells the store
 * when those are weaker than the configured ones, and the store then replaces the hash at the
 * next successful login, the only time the password is known.
 */
public final class PasswordHasher {

    /** The production iteration count. */
    public static final int ITERATIONS = 600_000;
    /** The lowest count the server accepts from configuration. */
    public static final int MIN_ITERATIONS = 210_000;

    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param iterations work factor; tests may go below {@link #MIN_ITERATIONS} to stay fast,
     *     the server never does
     */
    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
    }

    /** A new salted hash of {@code password}. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code stored}; constant time in the hash comparison. */
    public boolean verify(String password, String stored) {
        String[] parts = parts(stored);
        if (parts == null) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            if (n < 1) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, n));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * True when {@code stored} was made with weaker parameters than this hasher's: another (older)
     * algorithm or fewer iterations. A stronger stored hash (more iterations, after the configured
     * count was lowered) is kept. Only meaningful for a hash that has just verified.
     */
    public boolean needsRehash(String stored) {
        String[] parts = parts(stored);
        if (parts == null) {
            return true;
        }
        try {
            return Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }

    /** The four fields of a stored hash of the current algorithm, or null. */
    private static String[] parts(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        return parts.length == 4 && ALGORITHM.equals(parts[0]) ? parts : null;
    }

    /**
     * Spends the same time as a real check, for unknown user names, so that timing does not tell
     * which user names exist.
     */
    public void burn(String password) {
        derive(password, new byte[SALT_BYTES], iterations);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
