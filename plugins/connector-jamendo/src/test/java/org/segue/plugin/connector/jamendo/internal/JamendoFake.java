package org.segue.plugin.connector.jamendo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.segue.api.testkit.FakeHttp;

/**
 * A loopback stand-in for Jamendo's API v3.0 (only loopback is reachable here). It answers
 * {@code tracks/}, {@code playlists/} and {@code playlists/tracks/} in Jamendo's documented shape
 * ({@code headers} with status, code, error_message, warnings, results_count; {@code results}),
 * pages with {@code offset}/{@code limit}, filters {@code search} and {@code id}, checks the client
 * id (error code 5), can be told to rate limit (HTTP 429, or Jamendo's code 6), and serves the
 * downloads. The catalogue is a hand-written fixture, {@code jamendo/catalogue.json}.
 */
final class JamendoFake implements AutoCloseable {
    static final String CLIENT_ID = "a1b2c3d4";
    final URI api;
    final List<String> requests = new ArrayList<>();
    final AtomicInteger http429 = new AtomicInteger();
    final AtomicInteger code6 = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final HttpServer server;
    private final JsonNode catalogue;
    private final ObjectMapper json = new ObjectMapper();

    JamendoFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (InputStream in = JamendoFake.class.getResourceAsStream("/jamendo/catalogue.json")) {
            catalogue = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{base}", base));
        }
        api = URI.create(base + "/v3.0/");
        server.createContext("/v3.0/", this::api);
        server.createContext("/download/track/", this::download);
        server.start();
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            synchronized (requests) {
                requests.add(path + " " + q);
            }
            if (http429.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "Too Many Requests");
                return;
            }
            if (code6.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 200, headers("failed", 6, "Rate limit exceeded", 0, new ObjectMapper().createArrayNode()));
                return;
            }
            if (!CLIENT_ID.equals(q.get("client_id"))) {
                send(exchange, 200, headers("failed", 5, "Your credential is not authorized.", 0,
                        new ObjectMapper().createArrayNode()));
                return;
            }
            ArrayNode results = json.createArrayNode();
            switch (path) {
                case "/v3.0/tracks/" -> {
                    for (JsonNode t : catalogue.get("tracks")) {
                        String search = q.getOrDefault("search", "").toLowerCase(Locale.ROOT);
                        boolean matches = (search.isEmpty() || (t.get("name").asText() + " " + t.get("artist_name").asText())
                                .toLowerCase(Locale.ROOT).contains(search))
                                && (!q.containsKey("id") || t.get("id").asText().equals(q.get("id")));
                        if (matches) {
                            results.add(t);
                        }
                    }
                }
                case "/v3.0/playlists/" -> {
                    for (JsonNode p : catalogue.get("playlists")) {
                        if (p.get("user_name").asText().equals(q.get("user_name"))) {
                            ObjectNode copy = ((ObjectNode) p).deepCopy();
                            copy.remove("tracks");
                            results.add(copy);
                        }
                    }
                }
                case "/v3.0/playlists/tracks/" -> {
                    for (JsonNode p : catalogue.get("playlists")) {
                        if (p.get("id").asText().equals(q.get("id"))) {
                            ObjectNode list = ((ObjectNode) p).deepCopy();
                            ArrayNode tracks = list.putArray("tracks");
                            for (JsonNode id : p.get("tracks")) {
                                for (JsonNode t : catalogue.get("tracks")) {
                                    if (t.get("id").asText().equals(id.asText())) {
                                        tracks.add(t);
                                    }
                                }
                            }
                            results.add(list);
                        }
                    }
                    send(exchange, 200, headers("success", 0, "", results.size(), results));
                    return;
                }
                default -> {
                    send(exchange, 200, headers("failed", 7, "Method not found", 0, results));
                    return;
                }
            }
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            int limit = Integer.parseInt(q.getOrDefault("limit", "10"));
            ArrayNode page = json.createArrayNode();
            for (int i = offset; i < Math.min(results.size(), offset + limit); i++) {
                page.add(results.get(i));
            }
            send(exchange, 200, headers("success", 0, "", page.size(), page));
        }
    }

    private void download(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().split("/")[3];
            byte[] audio = ("ID3 fake mp3 of track " + id).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, audio.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(audio);
            }
        }
    }

    private String headers(String status, int code, String message, int count, ArrayNode results) {
        ObjectNode root = json.createObjectNode();
        ObjectNode h = root.putObject("headers");
        h.put("status", status);
        h.put("code", code);
        h.put("error_message", message);
        h.put("warnings", "");
        h.put("results_count", count);
        root.set("results", results);
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        FakeHttp.reply(exchange, status, status == 200 ? "application/json" : "text/plain", body);
    }

    private static Map<String, String> query(String raw) {
        return FakeHttp.query(raw);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
