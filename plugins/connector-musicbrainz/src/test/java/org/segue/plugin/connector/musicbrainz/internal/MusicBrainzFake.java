package org.segue.plugin.connector.musicbrainz.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.segue.api.testkit.FakeHttp;

/**
 * A loopback stand-in for MusicBrainz's web service version 2 (only loopback is reachable here),
 * answering {@code recording?query=} (search: {@code count}, {@code offset}, {@code recordings}),
 * {@code recording?collection=} (browse: {@code recording-count}, {@code recording-offset}) and
 * {@code collection?editor=} in the documented JSON shape, paged by {@code offset}/{@code limit}.
 *
 * <p>It enforces MusicBrainz's client rules the way the real service does: a request without a
 * User-Agent of the form {@code Name/version ( contact )} is refused with 403, and one that comes
 * less than a second after the previous one (on the test's {@link #clock}, which the client's
 * pacer also reads) gets 503. It can also be told to answer 503 a number of times.
 */
final class MusicBrainzFake implements AutoCloseable {
    final URI api;
    /** The test's clock in nanoseconds, shared with the client's pacer. */
    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final AtomicInteger forced503 = new AtomicInteger();
    final AtomicInteger refusedTooFast = new AtomicInteger();
    final List<String> requests = new ArrayList<>();
    final List<String> userAgents = new ArrayList<>();
    private long lastRequest = Long.MIN_VALUE;
    private final HttpServer server;
    private final JsonNode catalogue;
    private final ObjectMapper json = new ObjectMapper();

    MusicBrainzFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (InputStream in = MusicBrainzFake.class.getResourceAsStream("/musicbrainz/catalogue.json")) {
            catalogue = json.readTree(in);
        }
        api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ws/2/");
        server.createContext("/ws/2/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            String agent = exchange.getRequestHeaders().getFirst("User-Agent");
            boolean tooFast;
            synchronized (this) {
                requests.add(path + " " + q);
                userAgents.add(agent);
                long now = clock.get();
                tooFast = lastRequest != Long.MIN_VALUE && now - lastRequest < 1_000_000_000L;
                lastRequest = now;
            }
            if (agent == null || !agent.matches("\\S+/\\S+ \\( .+ \\)")) {
                send(exchange, 403, "{\"error\":\"Your requests must have a meaningful User-Agent.\"}");
                return;
            }
            if (tooFast || forced503.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (tooFast) {
                    refusedTooFast.incrementAndGet();
                }
                send(exchange, 503, "{\"error\":\"Your requests are exceeding the allowable rate limit. Please see "
                        + "http://wiki.musicbrainz.org/XMLWebService for more information.\"}");
                return;
            }
            if (!"json".equals(q.get("fmt"))) {
                send(exchange, 400, "{\"error\":\"this fake speaks JSON only\"}");
                return;
            }
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            int limit = Math.min(100, Integer.parseInt(q.getOrDefault("limit", "25")));
            ObjectNode answer = json.createObjectNode();
            if (path.equals("/ws/2/recording") && q.containsKey("query")) {
                ArrayNode found = json.createArrayNode();
                List<String> words = Arrays.asList(q.get("query").toLowerCase(Locale.ROOT).split("\\s+"));
                for (JsonNode r : catalogue.get("recordings")) {
                    String text = (r.get("title").asText() + " " + r.get("artist-credit").toString()).toLowerCase(Locale.ROOT);
                    if (words.stream().allMatch(text::contains)) {
                        found.add(r);
                    }
                }
                answer.put("created", "2026-11-26T08:00:00.000Z");
                answer.put("count", found.size());
                answer.put("offset", offset);
                answer.set("recordings", page(found, offset, limit));
            } else if (path.equals("/ws/2/recording") && q.containsKey("collection")) {
                JsonNode collection = collection(q.get("collection"));
                if (collection == null) {
                    send(exchange, 404, "{\"error\":\"Not Found\"}");
                    return;
                }
                ArrayNode members = json.createArrayNode();
                for (JsonNode id : collection.get("members")) {
                    for (JsonNode r : catalogue.get("recordings")) {
                        if (r.get("id").asText().equals(id.asText())) {
                            ObjectNode browsed = ((ObjectNode) r).deepCopy();
                            // Browse answers carry only what inc= asked for; search-only fields go.
                            browsed.remove("score");
                            browsed.remove("releases");
                            if (!q.getOrDefault("inc", "").contains("isrcs")) {
                                browsed.remove("isrcs");
                            }
                            members.add(browsed);
                        }
                    }
                }
                answer.put("recording-count", members.size());
                answer.put("recording-offset", offset);
                answer.set("recordings", page(members, offset, limit));
            } else if (path.equals("/ws/2/collection") && q.containsKey("editor")) {
                ArrayNode lists = json.createArrayNode();
                for (JsonNode c : catalogue.get("collections")) {
                    if (c.get("editor").asText().equals(q.get("editor"))) {
                        ObjectNode shown = ((ObjectNode) c).deepCopy();
                        shown.remove("members");
                        shown.put(c.get("entity-type").asText() + "-count", c.get("members").size());
                        lists.add(shown);
                    }
                }
                answer.put("collection-count", lists.size());
                answer.put("collection-offset", offset);
                answer.set("collections", page(lists, offset, limit));
            } else {
                send(exchange, 400, "{\"error\":\"Invalid resource.\"}");
                return;
            }
            send(exchange, 200, answer.toString());
        }
    }

    private JsonNode collection(String id) {
        for (JsonNode c : catalogue.get("collections")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        return null;
    }

    private ArrayNode page(ArrayNode all, int offset, int limit) {
        ArrayNode page = json.createArrayNode();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            page.add(all.get(i));
        }
        return page;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        FakeHttp.reply(exchange, status, "application/json; charset=utf-8", body);
    }

    static Map<String, String> query(String raw) {
        return FakeHttp.query(raw);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
