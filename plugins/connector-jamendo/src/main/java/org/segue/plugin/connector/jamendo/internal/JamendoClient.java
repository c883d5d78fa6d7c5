package org.segue.plugin.connector.jamendo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.net.Retries;

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

    /** Pauses between retries; a seam so tests do not wait. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI api;
    private final String clientId;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    JamendoClient(URI api, String clientId, Duration timeout, Sleeper sleeper) {
        String text = api.toString();
        this.api = URI.create(text.endsWith("/") ? text : text + "/");
        this.clientId = clientId;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Calls a read method and returns its {@code results} array. */
    JsonNode results(String method, Map<String, ?> params) throws IOException {
        StringBuilder query = new StringBuilder("client_id=").append(encode(clientId)).append("&format=json");
        params.forEach((k, v) -> query.append('&').append(encode(k)).append('=').append(encode(String.valueOf(v))));
        URI uri = api.resolve(method + "/?" + query);
        Duration waited = Duration.ZERO;
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 1;; attempt++) {
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), method);
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
            Duration wait = Retries.retryAfter(response.headers().firstValue("Retry-After"), pause);
            if (attempt >= MAX_ATTEMPTS || waited.plus(wait).compareTo(MAX_RETRY_WAIT) > 0) {
                throw failure != null ? failure
                        : new IOException("Jamendo is busy or rate limiting (HTTP " + status + " to " + method
                                + "), still after " + waited.toSeconds() + " s of waiting");
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to retry " + method);
            }
            waited = waited.plus(wait);
            pause = pause.multipliedBy(2);
        }
    }

    /** Opens a download URL Jamendo gave (following its redirects to the file host). */
    InputStream download(URI url) throws IOException {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IOException("Jamendo gave a download address that is not http(s): " + url.getScheme());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading from Jamendo");
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("Jamendo's download answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(HttpRequest request, String method) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new IOException("Jamendo did not answer " + method + " within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling Jamendo " + method);
        } catch (IOException e) {
            throw new IOException("cannot reach Jamendo at " + api.getHost() + " (" + method + "): " + e, e);
        }
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
