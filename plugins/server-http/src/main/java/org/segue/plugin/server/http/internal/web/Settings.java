package org.segue.plugin.server.http.internal.web;

import java.time.Duration;
import java.util.List;

/**
 * The limits and policies of one running server, from the {@code org.segue.server} configuration.
 *
 * @param maxBodyBytes largest JSON request body
 * @param maxUploadBytes largest uploaded audio file
 * @param requestsPerSecond sustained requests per token (per address before sign-in)
 * @param burst requests one token may make at once
 * @param loginAttemptsPerMinute login attempts per user name and per address
 * @param allowedOrigins origins allowed cross-origin (CORS); empty means same origin only; {@code *}
 *     allows any (tokens are never cookies, so this exposes no ambient credential)
 * @param tokenLifetime how long a bearer token works
 */
public record Settings(long maxBodyBytes, long maxUploadBytes, double requestsPerSecond, int burst,
        int loginAttemptsPerMinute, List<String> allowedOrigins, Duration tokenLifetime) {

    /** API.md's defaults. */
    public static Settings defaults() {
        return new Settings(1L << 20, 512L << 20, 20, 100, 5, List.of(), Duration.ofHours(12));
    }
}
