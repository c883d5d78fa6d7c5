package org.segue.plugin.connector.jamendo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.net.Retries;
import org.segue.support.net.ServiceHttp;

/**
 * Calls Jamendo's read API v3.0 ({@code <api>/<method>/?client_id=…&format=json&…}). Thread-safe.
 *
 * <p>HTTP 429/5xx answers are retried after {@code Retry-After} (or a doubling pause) for at most
 * {@link #MAX_RETRY_WAIT}; Jamendo's own rate-limit answer (error code 6) is waited out the same
 * way. The client id is an application key, not a user secret, but it is still kept out of
 * messages.
 */
final class JamendoClient {
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 4;

    private final URI api;
    private final String clientId;
    private final ServiceHttp http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param sleeper pauses between retries; a seam so tests do not wait */
    JamendoClient(URI api, String clientId, Duration timeout, ServiceHttp.Sleeper sleeper) {
        String text = api.toString();
        this.api = URI.create(text.endsWith("/") ? text : text + "/");
        this.clientId = clientId;
        this.http = new ServiceHttp("Jamendo", this.api, timeout, sleeper);
    }

    /** Calls a read method and returns its {@code results} array. */
    JsonNode results(String method, Map<String, ?> params) throws IOException {
        StringBuilder query = new StringBuilder("client_id=").append(encode(clientId)).append("&format=json");
        params.forEach((k, v) -> query.append('&').append(encode(k)).append('=').append(encode(String.valueOf(v))));
        URI uri = api.resolve(method + "/?" + query);
        ServiceHttp.Backoff backoff = new ServiceHttp.Backoff(MAX_ATTEMPTS, MAX_RETRY_WAIT);
        while (true) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(http.timeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray(), method);
            int status = response.statusCode();
            JamendoException failure = null;
            if (status == 200) {
                JsonNode root = parse(method, response.body());
                JsonNode headers = root.path("headers");
                if ("success".equals(headers.path("status").asText())) {
                    return root.path("results");
                }
                failure = new JamendoException(method, headers.path("code").asInt(-1),
                        headers.path("error_message").asText("no message"));
                if (failure.code() != JamendoException.RATE_LIMIT) {
                    throw failure;
                }
            } else if (!Retries.isRetryable(status)) {
                throw new IOException("Jamendo answered " + method + " with HTTP " + status);
            }
            Optional<Duration> wait = backoff.next(response.headers());
            if (wait.isEmpty()) {
                throw failure != null ? failure
                        : new IOException("Jamendo is busy or rate limiting (HTTP " + status + " to " + method
                                + "), still after " + backoff.waited().toSeconds() + " s of waiting");
            }
            http.pause(wait.get(), method);
        }
    }

    /** Opens a download URL Jamendo gave (following its redirects to the file host). */
    InputStream download(URI url) throws IOException {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IOException("Jamendo gave a download address that is not http(s): " + url.getScheme());
        }
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(http.timeout()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream(), "a download");
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("Jamendo's download answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private JsonNode parse(String method, byte[] body) throws IOException {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.has("headers")) {
                throw new IOException("Jamendo answered " + method + " without headers: is " + api + " Jamendo's API?");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("Jamendo answered " + method + " with something that is not JSON", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
