package org.segue.plugin.connector.spotify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636), the OAuth 2 flow Spotify asks of apps that cannot keep a
 * client secret, like one installed on a user's machine: the app makes a random verifier, sends its
 * SHA-256 ({@code S256} challenge) with the authorisation request, and proves with the verifier
 * itself when it exchanges the code, so a code intercepted on the way back is useless to others.
 */
final class Pkce {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /** A new verifier: 64 random bytes, base64url, 86 characters (RFC 7636 allows 43..128). */
    static String verifier() {
        return random(64);
    }

    /** The S256 challenge of a verifier: base64url(SHA-256(ASCII(verifier))), no padding. */
    static String challenge(String verifier) {
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw new IllegalArgumentException("a PKCE verifier is 43..128 unreserved characters");
        }
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A random {@code state} that ties the browser's answer to this login (against forged redirects). */
    static String state() {
        return random(24);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL.encodeToString(b);
    }
}
