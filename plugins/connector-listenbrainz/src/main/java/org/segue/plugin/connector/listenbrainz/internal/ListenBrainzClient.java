package org.segue.plugin.connector.listenbrainz.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.net.Retries;
import org.segue.support.net.ServiceHttp;

/**
 * Calls the ListenBrainz API ({@code <api>/1/…}). Thread-safe.
 *
 * <p>ListenBrainz states its rate limit on every answer ({@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset-In} seconds). When the window is used up this client waits for the reset
 * before its next request instead of drawing a 429; a 429 (or 502/503/504) is still waited out after
 * {@code X-RateLimit-Reset-In} / {@code Retry-After}, at most {@link #MAX_RETRY_WAIT} in all.
 *
 * <p>The user token goes in {@code Authorization: Token …} and nowhere else: never into a URL or a
 * message.
 */
final class ListenBrainzClient {
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 4;

    private final URI api;
    private final String token;
    private final LongSupplier nanoClock;
    private final ServiceHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final Object windowLock = new Object();
    private long windowResetsAt = Long.MIN_VALUE;

    /** @param sleeper pauses; a seam so tests do not wait */
    ListenBrainzClient(URI api, String token, Duration timeout, ServiceHttp.Sleeper sleeper, LongSupplier nanoClock) {
        String text = api.toString();
        this.api = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.nanoClock = nanoClock;
        this.http = new ServiceHttp("ListenBrainz", this.api, timeout, sleeper);
    }

    boolean hasToken() {
        return token != null;
    }

    /**
     * GETs {@code <api>/<path>?<params>}; an empty object for 204 (e.g. no recommendations computed yet).
     *
     * @param what what is being fetched, for messages ("the playlist 1234…")
     */
    JsonNode get(String path, Map<String, ?> params, String what) throws IOException {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(encode(k)).append('=')
                .append(encode(String.valueOf(v))));
        URI uri = api.resolve(path + (query.length() == 0 ? "" : "?" + query));
        ServiceHttp.Backoff backoff = new ServiceHttp.Backoff(MAX_ATTEMPTS, MAX_RETRY_WAIT);
        while (true) {
            waitForWindow();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(http.timeout()).header("Accept", "application/json")
                    .GET();
            if (token != null) {
                request.header("Authorization", "Token " + token);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray(), what);
            noteWindow(response);
            int status = response.statusCode();
            if (status == 200) {
                return parse(what, response.body());
            }
            if (status == 204) {
                return json.createObjectNode();
            }
            if (status == 401) {
                throw new IOException("ListenBrainz refused the user token (" + errorText(response.body())
                        + "); copy yours from https://listenbrainz.org/settings/ and save it again with "
                        + "segue connect listenbrainz --secret token user=<name>");
            }
            if (status == 403) {
                throw new IOException("ListenBrainz does not let this account see " + what
                        + (token == null ? " without a user token (segue connect listenbrainz --secret token …)" : ""));
            }
            if (status == 404) {
                throw new IOException("ListenBrainz has no " + what + errorSuffix(response.body()));
            }
            if (!Retries.isRetryable(status)) {
                throw new IOException("ListenBrainz answered " + what + " with HTTP " + status + errorSuffix(response.body()));
            }
            Optional<Duration> wait = backoff.next(response.headers(), "X-RateLimit-Reset-In", "Retry-After");
            if (wait.isEmpty()) {
                throw new IOException("ListenBrainz is busy or rate limiting (HTTP " + status + " for " + what
                        + "), still after " + backoff.waited().toSeconds() + " s of waiting");
            }
            http.pause(wait.get(), what);
        }
    }

    /** Remembers when an exhausted rate-limit window reopens. */
    private void noteWindow(HttpResponse<?> response) {
        Optional<String> remaining = response.headers().firstValue("X-RateLimit-Remaining");
        if (remaining.isPresent() && remaining.get().trim().equals("0")) {
            Duration reset = Retries.retryAfter(response.headers().firstValue("X-RateLimit-Reset-In"), Duration.ofSeconds(1));
            synchronized (windowLock) {
                windowResetsAt = nanoClock.getAsLong() + reset.toNanos();
            }
        }
    }

    private void waitForWindow() throws IOException {
        long wait;
        synchronized (windowLock) {
            wait = windowResetsAt == Long.MIN_VALUE ? 0 : windowResetsAt - nanoClock.getAsLong();
            windowResetsAt = Long.MIN_VALUE;
        }
        if (wait > 0) {
            http.pause(Duration.ofNanos(wait), "its rate-limit window to reopen");
        }
    }

    private JsonNode parse(String what, byte[] body) throws IOException {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IOException("ListenBrainz answered " + what + " with no JSON object: is " + api
                        + " the ListenBrainz API?");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IOException("ListenBrainz answered " + what + " with something that is not JSON", e);
        }
    }

    /** ListenBrainz explains errors in {@code {"code": …, "error": …}}. */
    private String errorText(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            String error = root == null ? "" : root.path("error").asText("");
            String clean = error.length() > 200 ? error.substring(0, 200) + "…" : error;
            return token == null ? clean : clean.replace(token, "…");
        } catch (IOException e) {
            return "";
        }
    }

    private String errorSuffix(byte[] body) {
        String text = errorText(body);
        return text.isBlank() ? "" : ": " + text;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
