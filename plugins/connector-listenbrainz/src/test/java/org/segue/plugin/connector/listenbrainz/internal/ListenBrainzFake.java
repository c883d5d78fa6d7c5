package org.segue.plugin.connector.listenbrainz.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.segue.api.testkit.FakeHttp;

/**
 * A loopback stand-in for the ListenBrainz API (only loopback is reachable here), answering the
 * endpoints the connector uses in their documented shapes from the hand-written fixture
 * {@code listenbrainz/data.json}: validate-token, user listens ({@code count}, {@code max_ts}),
 * user playlists and playlists created for the user ({@code count}, {@code offset},
 * {@code playlist_count}), a JSPF playlist (private ones only to their owner's token),
 * collaborative-filtering recommendations (204 when there are none), recording metadata and LB
 * Radio (token required).
 *
 * <p>It keeps a rate-limit window like ListenBrainz's: every answer carries
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset-In}; a request made while the window is
 * used up (on the test's {@link #clock}) gets 429.
 */
final class ListenBrainzFake implements AutoCloseable {
    final URI api;
    final String token;
    final AtomicLong clock = new AtomicLong(5_000_000_000L);
    final List<String> requests = new ArrayList<>();
    final List<String> authorizations = new ArrayList<>();
    int tooManyRequests;
    private int windowSize = 1000;
    private int resetSeconds = 10;
    private int remaining = 1000;
    private long resetAt;
    private final HttpServer server;
    private final JsonNode data;
    private final ObjectMapper json = new ObjectMapper();

    ListenBrainzFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (InputStream in = ListenBrainzFake.class.getResourceAsStream("/listenbrainz/data.json")) {
            data = json.readTree(in);
        }
        token = data.get("token").asText();
        api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        server.createContext("/1/", this::handle);
        server.start();
    }

    /** Allows {@code size} requests per window of {@code seconds}. */
    synchronized void window(int size, int seconds) {
        windowSize = size;
        resetSeconds = seconds;
        remaining = size;
        resetAt = clock.get() + seconds * 1_000_000_000L;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            synchronized (this) {
                requests.add(path + " " + q);
                authorizations.add(auth);
                long now = clock.get();
                if (now >= resetAt) {
                    remaining = windowSize;
                    resetAt = now + resetSeconds * 1_000_000_000L;
                }
                long resetIn = Math.max(0, (resetAt - now + 999_999_999L) / 1_000_000_000L);
                exchange.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(windowSize));
                exchange.getResponseHeaders().set("X-RateLimit-Reset-In", Long.toString(resetIn));
                if (remaining == 0) {
                    tooManyRequests++;
                    exchange.getResponseHeaders().set("X-RateLimit-Remaining", "0");
                    send(exchange, 429, error(429, "You have exceeded your rate limit."));
                    return;
                }
                remaining--;
                exchange.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(remaining));
            }
            boolean authorised = ("Token " + token).equals(auth);
            if (auth != null && !authorised) {
                send(exchange, 401, error(401, "Invalid authorization token."));
                return;
            }
            String[] parts = path.substring(1).split("/");
            if (path.equals("/1/validate-token")) {
                ObjectNode answer = json.createObjectNode().put("code", 200);
                if (authorised) {
                    answer.put("message", "Token valid.").put("valid", true).put("user_name", "djtester");
                } else {
                    answer.put("message", "Token invalid.").put("valid", false);
                }
                send(exchange, 200, answer.toString());
            } else if (parts.length >= 4 && parts[1].equals("user")) {
                JsonNode user = data.get("users").get(parts[2]);
                if (user == null) {
                    send(exchange, 404, error(404, "Cannot find user: " + parts[2]));
                } else if (parts[3].equals("listens")) {
                    listens(exchange, user, q);
                } else if (parts[3].equals("playlists")) {
                    boolean createdFor = parts.length == 5 && parts[4].equals("createdfor");
                    playlists(exchange, user.get(createdFor ? "createdfor" : "playlists"), q, authorised);
                } else {
                    send(exchange, 404, error(404, "Not found"));
                }
            } else if (parts.length == 3 && parts[1].equals("playlist")) {
                JsonNode p = data.get("playlists").get(parts[2]);
                if (p == null || (!p.get("public").asBoolean() && !authorised)) {
                    send(exchange, 404, error(404, "Cannot find playlist: " + parts[2]));
                } else {
                    send(exchange, 200, json.createObjectNode().set("playlist", p.get("playlist")).toString());
                }
            } else if (path.startsWith("/1/cf/recommendation/user/") && path.endsWith("/recording")) {
                recommendations(exchange, data.get("users").get(parts[4]), q);
            } else if (path.equals("/1/metadata/recording/")) {
                ObjectNode answer = json.createObjectNode();
                for (String id : q.getOrDefault("recording_mbids", "").split(",")) {
                    JsonNode m = data.get("metadata").get(id);
                    if (m != null) {
                        answer.set(id, m);
                    }
                }
                send(exchange, 200, answer.toString());
            } else if (path.equals("/1/explore/lb-radio")) {
                if (!authorised) {
                    send(exchange, 401, error(401, "You need to provide an Authorization header."));
                    return;
                }
                JsonNode jspf = data.get("radio").get(q.getOrDefault("prompt", ""));
                if (jspf == null || !List.of("easy", "medium", "hard").contains(q.get("mode"))) {
                    send(exchange, 400, error(400, "The prompt could not be parsed or found nothing."));
                    return;
                }
                ObjectNode payload = json.createObjectNode();
                payload.putArray("feedback");
                payload.set("jspf", jspf);
                send(exchange, 200, json.createObjectNode().set("payload", payload).toString());
            } else {
                send(exchange, 404, error(404, "Not found"));
            }
        }
    }

    private void listens(HttpExchange exchange, JsonNode user, Map<String, String> q) throws IOException {
        int count = Integer.parseInt(q.getOrDefault("count", "25"));
        long maxTs = Long.parseLong(q.getOrDefault("max_ts", Long.toString(Long.MAX_VALUE)));
        ArrayNode listens = json.createArrayNode();
        for (JsonNode l : user.get("listens")) {
            if (l.get("listened_at").asLong() < maxTs && listens.size() < count) {
                listens.add(l);
            }
        }
        ObjectNode payload = json.createObjectNode();
        payload.put("count", listens.size());
        payload.put("user_id", "djtester");
        payload.set("listens", listens);
        send(exchange, 200, json.createObjectNode().set("payload", payload).toString());
    }

    private void playlists(HttpExchange exchange, JsonNode ids, Map<String, String> q, boolean authorised)
            throws IOException {
        int count = Integer.parseInt(q.getOrDefault("count", "25"));
        int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        List<JsonNode> visible = new ArrayList<>();
        for (JsonNode id : ids) {
            JsonNode p = data.get("playlists").get(id.asText());
            if (p.get("public").asBoolean() || authorised) {
                visible.add(p.get("playlist"));
            }
        }
        ArrayNode page = json.createArrayNode();
        for (int i = offset; i < Math.min(visible.size(), offset + count); i++) {
            ObjectNode listed = ((ObjectNode) visible.get(i)).deepCopy();
            listed.putArray("track");
            page.add(json.createObjectNode().set("playlist", listed));
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("count", page.size()).put("offset", offset).put("playlist_count", visible.size());
        answer.set("playlists", page);
        send(exchange, 200, answer.toString());
    }

    private void recommendations(HttpExchange exchange, JsonNode user, Map<String, String> q) throws IOException {
        if (user == null) {
            send(exchange, 404, error(404, "Cannot find user"));
            return;
        }
        JsonNode all = user.get("recommendations");
        if (all.isEmpty()) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        int count = Integer.parseInt(q.getOrDefault("count", "25"));
        int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        ArrayNode page = json.createArrayNode();
        for (int i = offset; i < Math.min(all.size(), offset + count); i++) {
            page.add(all.get(i));
        }
        ObjectNode payload = json.createObjectNode();
        payload.put("count", page.size()).put("entity", "recording").put("offset", offset)
                .put("total_mbid_count", all.size()).put("user_name", "djtester").put("last_updated", 1764100000);
        payload.set("mbids", page);
        send(exchange, 200, json.createObjectNode().set("payload", payload).toString());
    }

    private String error(int code, String message) {
        return json.createObjectNode().put("code", code).put("error", message).toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        FakeHttp.reply(exchange, status, "application/json", body);
    }

    private static Map<String, String> query(String raw) {
        return FakeHttp.query(raw);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
