package org.segue.plugin.connector.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.net.Retries;
import org.segue.support.net.ServiceHttp;

/**
 * Calls the Internet Archive's public read APIs: {@code advancedsearch.php} (search) and
 * {@code metadata/<identifier>} (an item's metadata and files), and opens downloads from
 * {@code download/<identifier>/<file>}. Thread-safe; no credentials (everything read here is public).
 *
 * <p>The Archive answers 429 when a client is too fast and 502/503 when busy: both are waited out
 * after {@code Retry-After} or a doubling pause, at most {@link #MAX_RETRY_WAIT} in all.
 */
final class ArchiveClient {
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 4;

    private final URI base;
    private final String userAgent;
    private final ServiceHttp http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param sleeper pauses between retries; a seam so tests do not wait */
    ArchiveClient(URI base, String userAgent, Duration timeout, ServiceHttp.Sleeper sleeper) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.userAgent = userAgent;
        this.http = new ServiceHttp("the Internet Archive", this.base, timeout, sleeper);
    }

    /** Runs an advanced search; returns its {@code response} object ({@code numFound}, {@code start}, {@code docs}). */
    JsonNode search(String query, List<String> fields, int rows, int page) throws IOException {
        StringBuilder q = new StringBuilder("q=").append(segment(query));
        for (String f : fields) {
            q.append("&fl%5B%5D=").append(segment(f));
        }
        q.append("&sort%5B%5D=").append(segment("downloads desc"));
        q.append("&rows=").append(rows).append("&page=").append(page).append("&output=json");
        JsonNode root = get(base.resolve("advancedsearch.php?" + q), "the search for " + query);
        JsonNode response = root.path("response");
        if (!response.isObject()) {
            String error = root.path("error").asText("");
            throw new IOException("the Internet Archive could not search for " + query
                    + (error.isBlank() ? "" : ": " + error));
        }
        return response;
    }

    /** An item's metadata ({@code metadata}, {@code files}); the Archive answers {} for an unknown item. */
    JsonNode metadata(String identifier) throws IOException {
        JsonNode root = get(base.resolve("metadata/" + segment(identifier)), "item " + identifier);
        if (root.isEmpty() || !root.has("metadata")) {
            throw new IOException("the Internet Archive has no item " + identifier);
        }
        return root;
    }

    /** Opens one file of an item (following the redirect to the data node that holds it). */
    InputStream download(String identifier, String file) throws IOException {
        StringBuilder path = new StringBuilder("download/").append(segment(identifier));
        for (String part : file.split("/")) {
            path.append('/').append(segment(part));
        }
        URI url = base.resolve(path.toString());
        String what = "the download of " + identifier + "/" + file;
        ServiceHttp.Backoff backoff = new ServiceHttp.Backoff(MAX_ATTEMPTS, MAX_RETRY_WAIT);
        while (true) {
            HttpResponse<InputStream> response = http.send(request(url), HttpResponse.BodyHandlers.ofInputStream(), what);
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            response.body().close();
            Optional<Duration> wait = Retries.isRetryable(status) ? backoff.next(response.headers()) : Optional.empty();
            if (wait.isEmpty()) {
                throw new IOException("the Internet Archive answered " + what + " with HTTP " + status);
            }
            http.pause(wait.get(), what);
        }
    }

    private JsonNode get(URI uri, String what) throws IOException {
        ServiceHttp.Backoff backoff = new ServiceHttp.Backoff(MAX_ATTEMPTS, MAX_RETRY_WAIT);
        while (true) {
            HttpResponse<byte[]> response = http.send(request(uri), HttpResponse.BodyHandlers.ofByteArray(), what);
            int status = response.statusCode();
            if (status == 200) {
                return parse(what, response.body());
            }
            if (!Retries.isRetryable(status)) {
                throw new IOException("the Internet Archive answered " + what + " with HTTP " + status);
            }
            Optional<Duration> wait = backoff.next(response.headers());
            if (wait.isEmpty()) {
                throw new IOException("the Internet Archive is busy or rate limiting (HTTP " + status + " for " + what
                        + "), still after " + backoff.waited().toSeconds() + " s of waiting");
            }
            http.pause(wait.get(), what);
        }
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(http.timeout()).header("User-Agent", userAgent).GET().build();
    }

    private JsonNode parse(String what, byte[] body) throws IOException {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IOException("the Internet Archive answered " + what + " with no JSON object: is " + base
                        + " archive.org?");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IOException("the Internet Archive answered " + what + " with something that is not JSON", e);
        }
    }

    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Identifiers are letters, digits, '.', '_' and '-'; anything else is refused before it reaches a URL. */
    static void requireIdentifier(String identifier) {
        if (!identifier.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("not an Internet Archive identifier: " + identifier);
        }
    }
}
