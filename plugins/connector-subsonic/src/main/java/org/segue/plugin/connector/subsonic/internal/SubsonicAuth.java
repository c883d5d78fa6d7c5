package org.segue.plugin.connector.subsonic.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The credential part of a Subsonic request. Holds the password and never shows it:
 * {@link #toString()} is redacted, so a stray log line or exception cannot carry it.
 */
final class SubsonicAuth {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String password;

    SubsonicAuth(String password) {
        this.password = password;
    }

    /**
     * Appends {@code &t=…&s=…} (md5 of the password and a fresh random salt, API 1.13+) or
     * {@code &p=enc:<hex>} (older servers, which know nothing else).
     */
    void appendTo(StringBuilder query, boolean tokens) {
        if (tokens) {
            byte[] saltBytes = new byte[8];
            RANDOM.nextBytes(saltBytes);
            String salt = HexFormat.of().formatHex(saltBytes);
            query.append("&t=").append(token(password, salt)).append("&s=").append(salt);
        } else {
            query.append("&p=enc:").append(HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The Subsonic token: lower-case hex md5 of the password followed by the salt. */
    static String token(String password, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((password + salt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** True for API versions that accept token authentication (1.13.0 and newer). */
    static boolean supportsTokens(String version) {
        if (version == null || version.isBlank()) {
            return false;
        }
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= 13);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SubsonicAuth[password=***]";
    }
}
