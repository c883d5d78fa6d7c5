package org.segue.plugin.connector.musicbrainz.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.net.Retries;
import org.segue.support.net.ServiceHttp;

/**
 * Calls MusicBrainz's web service version 2 in JSON ({@code <api>/<entity>?…&fmt=json}). Thread-safe.
 *
 * <p>MusicBrainz's rules for clients: at most one request per second on average (enforced here by a
 * {@link RequestPacer} shared by all threads), and a User-Agent naming the application, its version
 * and a contact; anonymous or faster clients get HTTP 503. A 503 (or 429/502/504) is waited out
 * after {@code Retry-After} or a doubling pause, and the pacer keeps later requests behind that
 * pause too, for at most {@link #MAX_RETRY_WAIT}.
 */
final class MusicBrainzClient {
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 4;

    private final URI api;
    private final String userAgent;
    private final RequestPacer pacer;
    private final ServiceHttp http;
    private final ObjectMapper json = new ObjectMapper();

    MusicBrainzClient(URI api, String userAgent, Duration timeout, RequestPacer pacer) {
        String text = api.toString();
        this.api = URI.create(text.endsWith("/") ? text : text + "/");
        this.userAgent = userAgent;
        this.pacer = pacer;
        // Waits go to the pacer, not a sleep: it holds every thread's next request back (see holdOff).
        this.http = new ServiceHttp("MusicBrainz", this.api, timeout, ServiceHttp.Sleeper.THREAD);
    }

    /** GETs {@code <api>/<path>?<params>&fmt=json} and returns the parsed answer. */
    JsonNode get(String path, Map<String, ?> params) throws IOException {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(encode(k)).append('=').append(encode(String.valueOf(v))).append('&'));
        query.append("fmt=json");
        URI uri = api.resolve(path + "?" + query);
        ServiceHttp.Backoff backoff = new ServiceHttp.Backoff(MAX_ATTEMPTS, MAX_RETRY_WAIT);
        while (true) {
            pacer.acquire();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(http.timeout())
                    .header("Accept", "application/json").header("User-Agent", userAgent).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray(), path);
            int status = response.statusCode();
            if (status == 200) {
                return parse(path, response.body());
            }
            if (!Retries.isRetryable(status)) {
                throw new IOException("MusicBrainz answered " + path + " with HTTP " + status + errorText(response.body()));
            }
            Optional<Duration> wait = backoff.next(response.headers());
            if (wait.isEmpty()) {
                throw new IOException("MusicBrainz refuses requests (HTTP " + status + " to " + path + ") still after "
                        + backoff.waited().toSeconds() + " s of waiting; it allows one request per second per client: "
                        + "is another program using MusicBrainz from this address?");
            }
            pacer.holdOff(wait.get());
        }
    }

    private JsonNode parse(String path, byte[] body) throws IOException {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IOException("MusicBrainz answered " + path + " with no JSON object: is " + api
                        + " MusicBrainz's web service?");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IOException("MusicBrainz answered " + path + " with something that is not JSON", e);
        }
    }

    /** MusicBrainz explains client errors in {@code {"error": …}}. */
    private String errorText(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            String error = root == null ? "" : root.path("error").asText("");
            return error.isBlank() ? "" : ": " + (error.length() > 200 ? error.substring(0, 200) + "…" : error);
        } catch (IOException e) {
            return "";
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
