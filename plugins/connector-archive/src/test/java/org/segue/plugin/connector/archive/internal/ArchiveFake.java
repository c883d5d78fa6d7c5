package org.segue.plugin.connector.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.segue.api.testkit.FakeHttp;

/**
 * A loopback stand-in for the Internet Archive (only loopback is reachable here): {@code
 * advancedsearch.php} with {@code q} (the words in its first parenthesised group, and the
 * {@code mediatype:} and {@code collection:} clauses), {@code fl[]}, {@code rows}, {@code page},
 * {@code output=json}, sorted by downloads; {@code metadata/<identifier>} ({} for an unknown item);
 * and downloads, which redirect to a data node as the real {@code /download/} does. Items come from
 * the hand-written fixture {@code archive/items.json}. It can be told to answer 429.
 */
final class ArchiveFake implements AutoCloseable {
    private static final Pattern COLLECTION = Pattern.compile("collection:\\(([^)]+)\\)");
    private static final Pattern WORDS = Pattern.compile("^\\((.*?)\\) AND ");
    final URI base;
    final AtomicInteger http429 = new AtomicInteger();
    final List<String> requests = new ArrayList<>();
    final List<String> downloads = new ArrayList<>();
    private final HttpServer server;
    private final List<JsonNode> items = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    ArchiveFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (InputStream in = ArchiveFake.class.getResourceAsStream("/archive/items.json")) {
            json.readTree(in).get("items").forEach(items::add);
        }
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        server.createContext("/advancedsearch.php", this::search);
        server.createContext("/metadata/", this::metadata);
        server.createContext("/download/", this::download);
        server.createContext("/serve/", this::serve);
        server.start();
    }

    private boolean limited(HttpExchange exchange) throws IOException {
        synchronized (requests) {
            requests.add(exchange.getRequestURI().getPath() + " " + query(exchange.getRequestURI().getRawQuery()));
        }
        if (http429.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().set("Retry-After", "2");
            send(exchange, 429, "text/html", "<html><body>Too Many Requests</body></html>");
            return true;
        }
        return false;
    }

    private void search(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (limited(exchange)) {
                return;
            }
            Map<String, List<String>> q = query(exchange.getRequestURI().getRawQuery());
            String text = q.get("q").get(0);
            if (!text.contains("mediatype:(audio)") || !"json".equals(q.get("output").get(0))) {
                send(exchange, 200, "application/json", "{\"error\":\"this fake answers audio searches in JSON only\"}");
                return;
            }
            Matcher c = COLLECTION.matcher(text);
            String collection = c.find() ? c.group(1) : null;
            Matcher w = WORDS.matcher(text);
            List<String> words = w.find() ? Arrays.asList(w.group(1).toLowerCase(Locale.ROOT).split("\\s+")) : List.of();
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode item : items) {
                JsonNode m = item.get("metadata");
                String all = (m.toString() + item.get("files").toString()).toLowerCase(Locale.ROOT);
                boolean inCollection = collection == null || m.get("collection").toString().contains("\"" + collection + "\"");
                if (inCollection && words.stream().allMatch(all::contains)) {
                    found.add(item);
                }
            }
            found.sort(Comparator.comparingInt((JsonNode i) -> i.get("downloads").asInt()).reversed());
            int rows = Integer.parseInt(q.get("rows").get(0));
            int page = Integer.parseInt(q.get("page").get(0));
            ArrayNode docs = json.createArrayNode();
            for (int i = (page - 1) * rows; i < Math.min(found.size(), page * rows); i++) {
                ObjectNode doc = docs.addObject();
                for (String field : q.getOrDefault("fl[]", List.of())) {
                    if (found.get(i).get("metadata").has(field)) {
                        doc.set(field, found.get(i).get("metadata").get(field));
                    }
                }
            }
            ObjectNode root = json.createObjectNode();
            root.putObject("responseHeader").put("status", 0).put("QTime", 3);
            ObjectNode response = root.putObject("response");
            response.put("numFound", found.size()).put("start", (page - 1) * rows);
            response.set("docs", docs);
            send(exchange, 200, "application/json", root.toString());
        }
    }

    private void metadata(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (limited(exchange)) {
                return;
            }
            String id = exchange.getRequestURI().getPath().substring("/metadata/".length());
            for (JsonNode item : items) {
                if (item.get("metadata").get("identifier").asText().equals(id)) {
                    ObjectNode answer = ((ObjectNode) item).deepCopy();
                    answer.remove("downloads");
                    send(exchange, 200, "application/json", answer.toString());
                    return;
                }
            }
            send(exchange, 200, "application/json", "{}");
        }
    }

    private void download(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (limited(exchange)) {
                return;
            }
            exchange.getResponseHeaders().set("Location", base.resolve("/serve/" + exchange.getRequestURI().getRawPath()
                    .substring("/download/".length())).toString());
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/serve/".length());
            synchronized (downloads) {
                downloads.add(path);
            }
            send(exchange, 200, "application/octet-stream", "audio of " + path);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        FakeHttp.reply(exchange, status, type, body);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> map = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            k -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
