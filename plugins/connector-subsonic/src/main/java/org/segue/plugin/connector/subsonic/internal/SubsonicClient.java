package org.segue.plugin.connector.subsonic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.net.Retries;
import org.segue.support.net.ServiceHttp;

/**
 * Calls the Subsonic REST API ({@code /rest/<method>.view}, JSON answers) of one server for one
 * account. Thread-safe.
 *
 * <p>Authentication follows the server: the first call learns the server's API version from the
 * {@code ping} answer (every answer, failed ones too, carries it); servers of API 1.13 and newer
 * get a salted token ({@code t}, {@code s}: md5 of password and a fresh salt per request) so the
 * password never travels; older servers (supysonic speaks 1.10.2) get the password hex-encoded
 * ({@code p=enc:…}), the only form they know. Either way, URLs with credentials never leave this
 * class: errors name the server and the method only.
 *
 * <p>Rate limits and overload (HTTP 429, 502, 503, 504) are retried after the server's
 * {@code Retry-After} (or a doubling pause), for at most {@link #MAX_RETRY_WAIT} in all; then the
 * call fails. Every request has the configured timeout.
 */
final class SubsonicClient {
    static final String CLIENT_NAME = "segue";
    static final String TOKEN_AUTH_VERSION = "1.13.0";
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 4;

    private final URI base;
    private final String username;
    private final SubsonicAuth auth;
    private final ServiceHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile String protocolVersion;

    SubsonicClient(URI base, String username, String password, Duration timeout) {
        this(base, username, password, timeout, ServiceHttp.Sleeper.THREAD);
    }

    /** @param sleeper pauses between retries; a seam so tests do not wait */
    SubsonicClient(URI base, String username, String password, Duration timeout, ServiceHttp.Sleeper sleeper) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.username = username;
        this.auth = new SubsonicAuth(password);
        this.http = new ServiceHttp("the Subsonic server", this.base, timeout, sleeper);
    }

    String username() {
        return username;
    }

    /** The server's address, for messages: never with credentials. */
    String server() {
        return base.toString();
    }

    /** The protocol version the server answered with, after the first call. */
    Optional<String> protocolVersion() {
        return Optional.ofNullable(protocolVersion);
    }

    /**
     * Calls a method and returns the {@code subsonic-response} object of a successful answer.
     *
     * @param params query parameters; a list value repeats the parameter
     * @throws SubsonicException when the server answers {@code status: failed}
     * @throws IOException when the server cannot be reached or answers with something else
     */
    JsonNode call(String method, Map<String, ?> params) throws IOException {
        handshake();
        return parse(method, send(method, params, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    /**
     * Opens a binary answer ({@code download}, {@code stream}); the caller closes it. Subsonic
     * reports errors of binary methods as a JSON or XML body with status 200, so those are read and
     * thrown here instead of being handed out as audio.
     */
    InputStream open(String method, Map<String, ?> params) throws IOException {
        handshake();
        HttpResponse<InputStream> response = send(method, params, HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase();
        if (type.startsWith("application/json") || type.startsWith("text/xml") || type.startsWith("application/xml")) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(64 * 1024);
            }
            parse(method, body);
            throw new IOException("Subsonic server " + server() + " answered " + method + " with " + type
                    + " instead of audio");
        }
        return response.body();
    }

    /** Learns the server's version once, choosing token or password authentication. */
    private void handshake() throws IOException {
        if (protocolVersion != null) {
            return;
        }
        synchronized (this) {
            if (protocolVersion != null) {
                return;
            }
            JsonNode answer = root("ping", sendRaw("ping", Map.of(), TOKEN_AUTH_VERSION, true,
                    HttpResponse.BodyHandlers.ofByteArray()).body());
            String serverVersion = answer.path("version").asText("");
            boolean tokens = SubsonicAuth.supportsTokens(serverVersion);
            if (!tokens) {
                answer = root("ping", sendRaw("ping", Map.of(), serverVersion, false,
                        HttpResponse.BodyHandlers.ofByteArray()).body());
            }
            failIfFailed("ping", answer);
            protocolVersion = tokens ? TOKEN_AUTH_VERSION : serverVersion;
        }
    }

    private <T> HttpResponse<T> send(String method, Map<String, ?> params, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        String version = protocolVersion;
        return sendRaw(method, params, version, SubsonicAuth.supportsTokens(version), handler);
    }

    private <T> HttpResponse<T> sendRaw(String method, Map<String, ?> params, String version, boolean tokens,
            HttpResponse.BodyHandler<T> handler) throws IOException {
        StringBuilder query = new StringBuilder();
        query.append("u=").append(encode(username)).append("&v=").append(encode(version.isEmpty() ? "1.1.0" : version))
                .append("&c=").append(CLIENT_NAME).append("&f=json");
        auth.appendTo(query, tokens);
        for (Map.Entry<String, ?> e : params.entrySet()) {
            Iterable<?> values = e.getValue() instanceof List<?> list ? list : List.of(e.getValue());
            for (Object v : values) {
                query.append('&').append(encode(e.getKey())).append('=').append(encode(String.valueOf(v)));
            }
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("rest/" + method + ".view?" + query))
                .timeout(http.timeout()).header("Accept", "application/json").GET().build();
        ServiceHttp.Backoff backoff = new ServiceHttp.Backoff(MAX_ATTEMPTS, MAX_RETRY_WAIT, Duration.ofMillis(500));
        while (true) {
            HttpResponse<T> response = http.send(request, handler, method);
            int status = response.statusCode();
            if (!Retries.isRetryable(status)) {
                if (status != 200) {
                    discard(response);
                    throw new IOException("Subsonic server " + server() + " answered " + method + " with HTTP " + status);
                }
                return response;
            }
            discard(response);
            Optional<Duration> wait = backoff.next(response.headers());
            if (wait.isEmpty()) {
                throw new IOException("Subsonic server " + server() + " is busy or rate limiting (HTTP " + status
                        + " to " + method + "), still after " + backoff.waited().toSeconds() + " s of waiting");
            }
            http.pause(wait.get(), method);
        }
    }

    private JsonNode parse(String method, byte[] body) throws IOException {
        JsonNode root = root(method, body);
        failIfFailed(method, root);
        return root;
    }

    private JsonNode root(String method, byte[] body) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new IOException("Subsonic server " + server() + " answered " + method + " with something that is "
                    + "not JSON: " + e.getMessage(), e);
        }
        JsonNode root = node == null ? null : node.get("subsonic-response");
        if (root == null || !root.isObject()) {
            throw new IOException("Subsonic server " + server() + " answered " + method
                    + " without a subsonic-response object; is " + server() + " a Subsonic server?");
        }
        return root;
    }

    private void failIfFailed(String method, JsonNode root) throws SubsonicException {
        if (!"ok".equals(root.path("status").asText())) {
            JsonNode error = root.path("error");
            throw new SubsonicException(server(), method, username, error.path("code").asInt(-1),
                    error.path("message").asText("no message"));
        }
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing to keep from a body we do not read
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
