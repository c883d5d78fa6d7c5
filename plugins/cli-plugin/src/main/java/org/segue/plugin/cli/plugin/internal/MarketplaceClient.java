package org.segue.plugin.cli.plugin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Version;

/**
 * Fetches the marketplace's signed index and artifacts over HTTP, and checks what the marketplace
 * vouches for: the index signature by a trusted marketplace key, that it is not older than one seen
 * before (rollback) and not expired (freeze). Every read is size-capped, so a hostile server cannot
 * exhaust memory.
 */
final class MarketplaceClient {

    static final long MAX_INDEX_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Keys trusted;
    private final Generations generations;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    MarketplaceClient(URI base, Keys trusted, Generations generations, Clock clock, Duration timeout) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.trusted = trusted;
        this.generations = generations;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI base() {
        return base;
    }

    /** The marketplace key as served, for a user deciding whether to trust it. */
    PublicKey marketplaceKey() {
        byte[] pub = get(base.resolve("marketplace.pub"), 4096).body();
        return Keys.decode(new String(pub, java.nio.charset.StandardCharsets.US_ASCII));
    }

    Index index() {
        if (trusted.isEmpty()) {
            throw new PluginException("no trusted keys: pin the marketplace key first with "
                    + "`segue plugin trust marketplace <sha256:fingerprint>` (its operator publishes it)");
        }
        PublicKey key = marketplaceKey();
        if (!trusted.trusts(key)) {
            throw new PluginException("the marketplace at " + base + " signs with key " + Keys.fingerprint(key)
                    + ", which you do not trust (trust it with `segue plugin trust marketplace " + Keys.fingerprint(key) + "`)");
        }
        HttpResponse<byte[]> response = get(base.resolve("index.json"), MAX_INDEX_BYTES);
        byte[] body = response.body();
        String signature = response.headers().firstValue("Segue-Signature").orElse(null);
        if (signature == null) {
            signature = new String(get(base.resolve("index.json.sig"), 4096).body(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        if (!Keys.verify(key, body, signature)) {
            throw new PluginException("index.json from " + base + " is not signed by the marketplace key "
                    + Keys.fingerprint(key) + ": refusing it (tampered in transit or by a mirror)");
        }
        Index index = parse(body);
        Instant expires;
        try {
            expires = Instant.parse(index.expires());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new PluginException("index.json: field expires is not an ISO-8601 instant: " + index.expires());
        }
        if (clock.instant().isAfter(expires)) {
            throw new PluginException("index.json expired at " + expires + ": the marketplace (or a mirror) serves a "
                    + "frozen index; try again later");
        }
        String pin = Keys.fingerprint(key);
        long seen = generations.seen(pin);
        if (index.generation() < seen) {
            throw new PluginException("index.json generation " + index.generation() + " is older than generation " + seen
                    + " seen before: refusing a rolled-back index");
        }
        generations.record(pin, index.generation());
        return index;
    }

    static Index parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new PluginException("index.json is not JSON: " + e.getMessage());
        }
        if (!"segue-index/1".equals(root.path("format").asText())) {
            throw new PluginException("index.json: format is " + root.path("format") + ", expected \"segue-index/1\"");
        }
        Map<String, PublicKey> accounts = new LinkedHashMap<>();
        for (JsonNode a : root.path("accounts")) {
            accounts.put(a.path("name").asText(), Keys.decode(a.path("publicKey").asText()));
        }
        List<Index.Plugin> plugins = new ArrayList<>();
        for (JsonNode p : root.path("plugins")) {
            List<Index.Release> versions = new ArrayList<>();
            for (JsonNode v : p.path("versions")) {
                Map<String, String> imports = new LinkedHashMap<>();
                v.path("apiImports").fields().forEachRemaining(e -> imports.put(e.getKey(), e.getValue().asText()));
                byte[] release;
                Version version;
                try {
                    release = Base64.getDecoder().decode(v.path("release").asText());
                    version = Version.parseVersion(v.path("version").asText());
                } catch (IllegalArgumentException e) {
                    throw new PluginException("index.json: " + p.path("symbolicName").asText() + " version "
                            + v.path("version").asText() + ": " + e.getMessage());
                }
                versions.add(new Index.Release(version, v.path("sha256").asText(), v.path("size").asLong(-1),
                        v.path("url").asText(), v.path("yanked").asBoolean(false), imports, release,
                        v.path("signature").asText(null)));
            }
            plugins.add(new Index.Plugin(p.path("symbolicName").asText(), p.path("publisher").asText(),
                    p.path("name").asText(), p.path("summary").asText(), p.path("description").asText(""),
                    p.path("category").asText(), p.path("license").asText(), p.path("homepage").asText(),
                    p.path("downloads").asLong(), List.copyOf(versions)));
        }
        return new Index(root.path("generation").asLong(-1), root.path("expires").asText(null), accounts, List.copyOf(plugins));
    }

    /** Downloads at most {@code maxBytes}; more is refused without reading further. */
    byte[] download(String what, String url, long maxBytes) {
        URI uri = base.resolve(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new PluginException(what + ": refusing to download " + url + ": only http and https");
        }
        return get(uri, maxBytes, what + ": the download is larger than the " + maxBytes
                + " bytes the publisher signed: tampered artifact, refused").body();
    }

    private HttpResponse<byte[]> get(URI uri, long maxBytes) {
        return get(uri, maxBytes, uri + " is larger than the " + maxBytes + " bytes expected: refused");
    }

    private HttpResponse<byte[]> get(URI uri, long maxBytes, String tooLarge) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new PluginException("GET " + uri + " answered HTTP " + response.statusCode());
                }
                byte[] body = readCapped(in, maxBytes, tooLarge);
                return new Bytes(response, body);
            }
        } catch (IOException e) {
            throw new PluginException("cannot reach the marketplace: GET " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("interrupted while fetching " + uri);
        }
    }

    private static byte[] readCapped(InputStream in, long maxBytes, String tooLarge) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new PluginException(tooLarge);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A fully read response: status and headers of the stream, the capped body. */
    private record Bytes(HttpResponse<InputStream> head, byte[] body) implements HttpResponse<byte[]> {
        public int statusCode() { return head.statusCode(); }
        public HttpRequest request() { return head.request(); }
        public java.util.Optional<HttpResponse<byte[]>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return head.headers(); }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return head.sslSession(); }
        public URI uri() { return head.uri(); }
        public HttpClient.Version version() { return head.version(); }
    }
}
