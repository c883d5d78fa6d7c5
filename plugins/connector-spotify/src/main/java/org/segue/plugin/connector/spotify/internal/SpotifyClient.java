package org.segue.plugin.connector.spotify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.net.Retries;
import org.segue.support.net.ServiceHttp;

/**
 * Calls Spotify's Web API ({@code <api>/v1/…}) with the account's bearer token. Thread-safe.
 *
 * <p>A 401 (the access token expired or was revoked early) refreshes the token once and retries;
 * a second 401 is an error. A 429 is waited out after {@code Retry-After} when that is at most
 * {@link #MAX_RETRY_WAIT} in all; Spotify sometimes asks for hours, which is reported at once rather
 * than slept through. Paging follows the {@code next} URLs Spotify gives, but only on the API's own
 * origin, so a forged cursor can never send the bearer token elsewhere.
 */
final class SpotifyClient {
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 4;

    private final URI api;
    private final SpotifyAuth auth;
    private final ServiceHttp http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param sleeper pauses between retries; a seam so tests do not wait */
    SpotifyClient(URI api, SpotifyAuth auth, Duration timeout, ServiceHttp.Sleeper sleeper) {
        String text = api.toString();
        this.api = URI.create(text.endsWith("/") ? text : text + "/");
        this.auth = auth;
        this.http = new ServiceHttp("Spotify", this.api, timeout, sleeper, HttpClient.Redirect.NEVER);
    }

    /** The absolute URI of an API path such as {@code v1/me/playlists?limit=10}. */
    URI resolve(String pathAndQuery) {
        return api.resolve(pathAndQuery);
    }

    /** Checks that a {@code next} URL (a paging cursor) points into this API. */
    URI cursor(String next) {
        URI uri;
        try {
            uri = URI.create(next);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Spotify paging cursor: " + next);
        }
        boolean sameOrigin = Objects.equals(uri.getScheme(), api.getScheme()) && Objects.equals(uri.getHost(), api.getHost())
                && uri.getPort() == api.getPort() && uri.getRawPath() != null && uri.getRawPath().startsWith(api.getRawPath());
        if (!sameOrigin) {
            throw new IllegalArgumentException("a Spotify paging cursor must be an address of " + api + ": " + next);
        }
        return uri;
    }

    /** GETs an API address and returns its JSON. */
    JsonNode get(URI uri, String what) throws IOException {
        String token = auth.accessToken();
        boolean refreshed = false;
        ServiceHttp.Backoff backoff = new ServiceHttp.Backoff(MAX_ATTEMPTS, MAX_RETRY_WAIT);
        while (true) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(http.timeout())
                    .header("Accept", "application/json").header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray(), what);
            int status = response.statusCode();
            if (status == 200) {
                return parse(what, response.body());
            }
            if (status == 401 && !refreshed) {
                token = auth.refreshAfterRejection(token);
                refreshed = true;
                continue;
            }
            if (status == 401) {
                throw new IOException("Spotify rejects even a freshly refreshed access token for " + what + " ("
                        + message(response.body()) + "); run segue spotify-login --name " + auth.account());
            }
            if (status == 403) {
                throw new IOException("Spotify does not allow " + what + " for this app or account (" + message(response.body())
                        + "); since 2026 apps in development mode need the account on their user list in Spotify's "
                        + "developer dashboard");
            }
            if (status == 404) {
                throw new IOException("Spotify has no " + what);
            }
            if (!Retries.isRetryable(status)) {
                throw new IOException("Spotify answered " + what + " with HTTP " + status + " (" + message(response.body()) + ")");
            }
            Optional<String> header = response.headers().firstValue("Retry-After");
            if (asksForLonger(header, MAX_RETRY_WAIT.minus(backoff.waited()))) {
                throw new IOException("Spotify's rate limit asks Segue to wait " + header.get().trim() + " s before "
                        + what + "; try again later");
            }
            Optional<Duration> wait = backoff.next(response.headers());
            if (wait.isEmpty()) {
                throw new IOException("Spotify is busy or rate limiting (HTTP " + status + " for " + what + "), still after "
                        + backoff.waited().toSeconds() + " s of waiting");
            }
            http.pause(wait.get(), what);
        }
    }

    private static boolean asksForLonger(Optional<String> header, Duration left) {
        if (header.isEmpty()) {
            return false;
        }
        try {
            return Long.parseLong(header.get().trim()) > left.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private JsonNode parse(String what, byte[] body) throws IOException {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IOException("Spotify answered " + what + " with no JSON object: is " + api + " Spotify's Web API?");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("Spotify answered " + what + " with something that is not JSON", e);
        }
    }

    /** Web API errors: {@code {"error": {"status": 401, "message": "The access token expired"}}}. */
    private String message(byte[] body) {
        try {
            JsonNode n = json.readTree(body);
            String m = n == null ? "" : n.path("error").path("message").asText("");
            return m.isBlank() ? "no message" : (m.length() > 200 ? m.substring(0, 200) : m);
        } catch (IOException e) {
            return "no message";
        }
    }
}
