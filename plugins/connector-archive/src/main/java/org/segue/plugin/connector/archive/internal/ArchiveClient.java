package org.segue.plugin.connector.archive.internal;

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
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.support.net.Retries;

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

    /** Pauses between retries; a seam so tests do not wait. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI base;
    private final String userAgent;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    ArchiveClient(URI base, String userAgent, Duration timeout, Sleeper sleeper) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
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
        String what = identifier + "/" + file;
        for (int attempt = 1;; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request(url), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while downloading " + what);
            } catch (IOException e) {
                throw new IOException("cannot download " + what + " from the Internet Archive: " + e, e);
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            response.body().close();
            if (!Retries.isRetryable(status) || attempt >= MAX_ATTEMPTS) {
                throw new IOException("the Internet Archive answered the download of " + what + " with HTTP " + status);
            }
            pause(Retries.retryAfter(response.headers().firstValue("Retry-After"), Duration.ofSeconds(attempt)), what);
        }
    }

    private JsonNode get(URI uri, String what) throws IOException {
        Duration waited = Duration.ZERO;
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 1;; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                throw new IOException("the Internet Archive did not answer for " + what + " within "
                        + timeout.toSeconds() + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while asking the Internet Archive for " + what);
            } catch (IOException e) {
                throw new IOException("cannot reach the Internet Archive at " + base.getHost() + " (" + what + "): " + e, e);
            }
            int status = response.statusCode();
            if (status == 200) {
                return parse(what, response.body());
            }
            if (!Retries.isRetryable(status)) {
                throw new IOException("the Internet Archive answered " + what + " with HTTP " + status);
            }
            Duration wait = Retries.retryAfter(response.headers().firstValue("Retry-After"), pause);
            if (attempt >= MAX_ATTEMPTS || waited.plus(wait).compareTo(MAX_RETRY_WAIT) > 0) {
                throw new IOException("the Internet Archive is busy or rate limiting (HTTP " + status + " for " + what
                        + "), still after " + waited.toSeconds() + " s of waiting");
            }
            pause(wait, what);
            waited = waited.plus(wait);
            pause = pause.multipliedBy(2);
        }
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent).GET().build();
    }

    private void pause(Duration wait, String what) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + what);
        }
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
