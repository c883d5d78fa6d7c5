package org.segue.plugin.connector.spotify.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.segue.api.testkit.FakeHttp;

/**
 * A loopback stand-in for Spotify's accounts service and Web API (only loopback is reachable
 * here), written from Spotify's documentation:
 * <ul>
 * <li>{@code GET /authorize}: checks client id, {@code response_type=code}, the registered redirect
 * URI and an S256 challenge, then redirects the "browser" to the redirect URI with {@code code} and
 * {@code state} (or {@code error=access_denied} when the user refuses);
 * <li>{@code POST /api/token}: {@code authorization_code} (checks the PKCE verifier against the
 * challenge, the redirect URI and the client id; a code works once) and {@code refresh_token}
 * (rotates the refresh token; a revoked one gets {@code invalid_grant});
 * <li>{@code /v1/search?type=track}, {@code /v1/me/playlists}, {@code /v1/playlists/{id}/items}
 * with paging objects and absolute {@code next} URLs, bearer tokens checked (401 "The access token
 * expired" after {@link #expireAccessTokens()}), search limited to 10 a page as for development-mode
 * apps since February 2026, and 429 with Retry-After on demand.
 * </ul>
 */
final class SpotifyFake implements AutoCloseable {
    final URI base;
    final String clientId;
    volatile String redirectUri = "http://127.0.0.1:1/callback";
    volatile boolean userRefuses;
    final AtomicInteger http429 = new AtomicInteger();
    volatile String retryAfter = "1";
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger apiRequests = new AtomicInteger();
    final List<String> tokenForms = new ArrayList<>();
    private final Map<String, String[]> codes = new HashMap<>();
    private final Set<String> liveAccess = new HashSet<>();
    private final Set<String> liveRefresh = new HashSet<>();
    private int issued;
    private final HttpServer server;
    private final JsonNode catalogue;
    private final ObjectMapper json = new ObjectMapper();

    SpotifyFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (InputStream in = SpotifyFake.class.getResourceAsStream("/spotify/catalogue.json")) {
            catalogue = json.readTree(in);
        }
        clientId = catalogue.get("client_id").asText();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        server.createContext("/authorize", this::authorize);
        server.createContext("/api/token", this::token);
        server.createContext("/v1/", this::api);
        server.start();
    }

    /** Every access token issued so far stops working (as after an hour). */
    synchronized void expireAccessTokens() {
        liveAccess.clear();
    }

    /** The user removes Segue at spotify.com/account/apps: every token stops working. */
    synchronized void revokeAll() {
        liveAccess.clear();
        liveRefresh.clear();
    }

    synchronized boolean isLiveRefresh(String token) {
        return liveRefresh.contains(token);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            if (!clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                    || !redirectUri.equals(q.get("redirect_uri")) || !"S256".equals(q.get("code_challenge_method"))
                    || q.getOrDefault("code_challenge", "").length() != 43 || !q.containsKey("state")) {
                send(exchange, 400, "text/plain", "INVALID_CLIENT: Invalid redirect URI or request");
                return;
            }
            String location;
            if (userRefuses) {
                location = redirectUri + "?error=access_denied&state=" + enc(q.get("state"));
            } else {
                String code;
                synchronized (this) {
                    code = "AQ-code-" + (++issued);
                    codes.put(code, new String[] {q.get("code_challenge"), q.get("redirect_uri")});
                }
                location = redirectUri + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
            }
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> f = query(body);
            synchronized (this) {
                tokenForms.add(body);
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                send(exchange, 400, "application/json", oauthError("invalid_request", "Unsupported request"));
                return;
            }
            if (!clientId.equals(f.get("client_id"))) {
                send(exchange, 400, "application/json", oauthError("invalid_client", "Invalid client"));
                return;
            }
            synchronized (this) {
                switch (f.getOrDefault("grant_type", "")) {
                    case "authorization_code" -> {
                        String[] c = codes.remove(f.getOrDefault("code", ""));
                        if (c == null || !c[1].equals(f.get("redirect_uri"))) {
                            send(exchange, 400, "application/json", oauthError("invalid_grant", "Invalid authorization code"));
                        } else if (!c[0].equals(s256(f.getOrDefault("code_verifier", "")))) {
                            send(exchange, 400, "application/json", oauthError("invalid_grant", "code_verifier was incorrect"));
                        } else {
                            send(exchange, 200, "application/json", issue(true));
                        }
                    }
                    case "refresh_token" -> {
                        if (!liveRefresh.remove(f.getOrDefault("refresh_token", ""))) {
                            send(exchange, 400, "application/json", oauthError("invalid_grant", "Refresh token revoked"));
                        } else {
                            refreshes.incrementAndGet();
                            send(exchange, 200, "application/json", issue(true));
                        }
                    }
                    default -> send(exchange, 400, "application/json", oauthError("unsupported_grant_type", "grant_type"));
                }
            }
        }
    }

    private String issue(boolean withRefresh) {
        issued++;
        String access = "BQ-access-" + issued;
        liveAccess.add(access);
        ObjectNode n = json.createObjectNode().put("access_token", access).put("token_type", "Bearer")
                .put("scope", "playlist-read-private playlist-read-collaborative").put("expires_in", 3600);
        if (withRefresh) {
            String refresh = "AQ-refresh-" + issued;
            liveRefresh.add(refresh);
            n.put("refresh_token", refresh);
        }
        return n.toString();
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            apiRequests.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean live;
            synchronized (this) {
                live = auth != null && auth.startsWith("Bearer ") && liveAccess.contains(auth.substring(7));
            }
            if (!live) {
                send(exchange, 401, "application/json", apiError(401, auth == null ? "No token provided"
                        : "The access token expired"));
                return;
            }
            if (http429.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
                send(exchange, 429, "application/json", apiError(429, "API rate limit exceeded"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            if (path.equals("/v1/search")) {
                if (limit > 10 || !"track".equals(q.get("type"))) {
                    send(exchange, 400, "application/json", apiError(400, "Invalid limit"));
                    return;
                }
                ArrayNode found = json.createArrayNode();
                String words = q.getOrDefault("q", "").toLowerCase(Locale.ROOT);
                for (JsonNode t : catalogue.get("tracks")) {
                    if ((t.get("name").asText() + " " + t.get("artists").toString()).toLowerCase(Locale.ROOT).contains(words)) {
                        found.add(t);
                    }
                }
                ObjectNode answer = json.createObjectNode();
                answer.set("tracks", paging(exchange, found, limit, offset));
                send(exchange, 200, "application/json", answer.toString());
            } else if (path.equals("/v1/me/playlists")) {
                ArrayNode lists = json.createArrayNode();
                for (JsonNode p : catalogue.get("playlists")) {
                    ObjectNode s = ((ObjectNode) p).deepCopy();
                    s.remove("entries");
                    s.putObject("items").put("href", base + "v1/playlists/" + p.get("id").asText() + "/items")
                            .put("total", p.get("entries").size());
                    lists.add(s);
                }
                send(exchange, 200, "application/json", paging(exchange, lists, limit, offset).toString());
            } else if (path.startsWith("/v1/playlists/") && path.endsWith("/items")) {
                String id = path.split("/")[3];
                JsonNode playlist = null;
                for (JsonNode p : catalogue.get("playlists")) {
                    if (p.get("id").asText().equals(id)) {
                        playlist = p;
                    }
                }
                if (playlist == null) {
                    send(exchange, 404, "application/json", apiError(404, "Resource not found"));
                    return;
                }
                ArrayNode entries = json.createArrayNode();
                for (JsonNode e : playlist.get("entries")) {
                    ObjectNode entry = entries.addObject();
                    entry.put("added_at", e.get("added_at").asText()).put("is_local", e.get("is_local").asBoolean());
                    JsonNode item = e.has("track") ? track(e.get("track").asText())
                            : e.has("episode") ? e.get("episode") : e.has("local") ? e.get("local") : null;
                    entry.set("item", item);
                    entry.set("track", item);
                }
                send(exchange, 200, "application/json", paging(exchange, entries, limit, offset).toString());
            } else {
                send(exchange, 404, "application/json", apiError(404, "Service not found"));
            }
        }
    }

    private JsonNode track(String id) {
        for (JsonNode t : catalogue.get("tracks")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new IllegalStateException("fixture names a missing track " + id);
    }

    /** A paging object with absolute next/previous URLs, as Spotify sends them. */
    private ObjectNode paging(HttpExchange exchange, ArrayNode all, int limit, int offset) {
        ArrayNode page = json.createArrayNode();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            page.add(all.get(i));
        }
        String self = base.resolve(exchange.getRequestURI().getRawPath()).toString();
        String rest = exchange.getRequestURI().getRawQuery().replaceAll("(^|&)(offset|limit)=[^&]*", "");
        ObjectNode n = json.createObjectNode();
        n.put("href", self + "?" + exchange.getRequestURI().getRawQuery());
        n.set("items", page);
        n.put("limit", limit).put("offset", offset).put("total", all.size());
        if (offset + limit < all.size()) {
            n.put("next", self + "?" + (rest.isEmpty() ? "" : rest.replaceFirst("^&", "") + "&") + "offset=" + (offset + limit)
                    + "&limit=" + limit);
        } else {
            n.putNull("next");
        }
        n.putNull("previous");
        return n;
    }

    private String apiError(int status, String message) {
        ObjectNode n = json.createObjectNode();
        n.putObject("error").put("status", status).put("message", message);
        return n.toString();
    }

    private String oauthError(String error, String description) {
        return json.createObjectNode().put("error", error).put("error_description", description).toString();
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        FakeHttp.reply(exchange, status, type, body);
    }

    static Map<String, String> query(String raw) {
        return FakeHttp.query(raw);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
