package org.segue.plugin.connector.subsonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What a real server does that supysonic cannot be made to do on demand: rate limits, overload,
 * token-only authentication (API 1.16), slow answers and broken bodies. A loopback server answers
 * in the Subsonic API's shape.
 */
class SubsonicClientFailuresTest {
    private static final String PASSWORD = "hunter2-secret";
    private final List<Duration> sleeps = new ArrayList<>();
    private HttpServer http;

    private interface Handler {
        void handle(HttpExchange exchange, Map<String, String> query) throws IOException;
    }

    private URI serve(Handler handler) throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            try {
                handler.handle(exchange, query(exchange.getRequestURI().getRawQuery()));
            } finally {
                exchange.close();
            }
        });
        http.start();
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    private SubsonicClient client(URI url, Duration timeout) {
        return new SubsonicClient(url, "bob", PASSWORD, timeout, sleeps::add);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String ok(String version, String inner) {
        return "{\"subsonic-response\":{\"status\":\"ok\",\"version\":\"" + version + "\"" + inner + "}}";
    }

    @Test
    void tokenAuthenticationWhenTheServerSpeaksTheNewerProtocol() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        URI url = serve((exchange, q) -> {
            calls.incrementAndGet();
            boolean valid = q.containsKey("t") && q.containsKey("s") && !q.containsKey("p")
                    && q.get("t").equals(SubsonicAuth.token(PASSWORD, q.get("s")));
            answer(exchange, 200, "application/json", valid ? ok("1.16.1", "")
                    : "{\"subsonic-response\":{\"status\":\"failed\",\"version\":\"1.16.1\",\"error\":{\"code\":40,\"message\":\"Wrong username or password\"}}}");
        });
        SubsonicClient client = client(url, Duration.ofSeconds(5));
        client.call("ping", Map.of());
        client.call("ping", Map.of());
        assertEquals("1.13.0", client.protocolVersion().orElseThrow());
        assertEquals(3, calls.get(), "one handshake, then the calls, never the password in clear");
    }

    @Test
    void waitsOutRateLimitsAsTheServerAsks() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        URI url = serve((exchange, q) -> {
            if (calls.incrementAndGet() == 2) {
                exchange.getResponseHeaders().set("Retry-After", "2");
                answer(exchange, 429, "text/plain", "slow down");
            } else {
                answer(exchange, 200, "application/json", ok("1.16.1", ",\"searchResult3\":{}"));
            }
        });
        SubsonicClient client = client(url, Duration.ofSeconds(5));
        client.call("search3", Map.of("query", "x"));
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
        assertEquals(3, calls.get());
    }

    @Test
    void givesUpOnAServerThatStaysOverloadedWithinTheLimit() throws IOException {
        URI url = serve((exchange, q) -> answer(exchange, 503, "text/plain", "maintenance"));
        SubsonicClient client = client(url, Duration.ofSeconds(5));
        IOException e = assertThrows(IOException.class, () -> client.call("ping", Map.of()));
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        Duration total = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(total.compareTo(SubsonicClient.MAX_RETRY_WAIT) <= 0, "waited " + total);
        assertTrue(sleeps.size() >= 2, "retried with growing pauses: " + sleeps);
        assertTrue(sleeps.get(1).compareTo(sleeps.get(0)) > 0, "growing: " + sleeps);
    }

    @Test
    void aSlowServerTimesOutWithAMessage() throws IOException {
        URI url = serve((exchange, q) -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "application/json", ok("1.16.1", ""));
        });
        SubsonicClient client = client(url, Duration.ofSeconds(1));
        IOException e = assertThrows(IOException.class, () -> client.call("ping", Map.of()));
        assertTrue(e.getMessage().contains("did not answer ping within 1 s"), e.getMessage());
    }

    @Test
    void somethingThatIsNotASubsonicServerIsNamedAsSuch() throws IOException {
        URI url = serve((exchange, q) -> answer(exchange, 200, "text/html", "<html>router login</html>"));
        IOException e = assertThrows(IOException.class, () -> client(url, Duration.ofSeconds(5)).call("ping", Map.of()));
        assertTrue(e.getMessage().contains("not JSON") && e.getMessage().contains(url.toString()), e.getMessage());
    }

    @Test
    void anErrorAnsweredToADownloadIsThrownNotHandedOutAsAudio() throws IOException {
        URI url = serve((exchange, q) -> {
            if (exchange.getRequestURI().getPath().endsWith("download.view")) {
                answer(exchange, 200, "application/json",
                        "{\"subsonic-response\":{\"status\":\"failed\",\"version\":\"1.16.1\",\"error\":{\"code\":70,\"message\":\"Song not found\"}}}");
            } else {
                answer(exchange, 200, "application/json", ok("1.16.1", ""));
            }
        });
        SubsonicException e = assertThrows(SubsonicException.class,
                () -> client(url, Duration.ofSeconds(5)).open("download", Map.of("id", "x")).close());
        assertEquals(SubsonicException.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("Song not found"), e.getMessage());
    }

    @Test
    void noMessageEverCarriesTheCredentials() throws IOException {
        URI url = serve((exchange, q) -> answer(exchange, 500, "text/plain", "boom " + q));
        IOException e = assertThrows(IOException.class, () -> client(url, Duration.ofSeconds(5)).call("ping", Map.of()));
        String all = e + " " + e.getCause();
        assertFalse(all.contains(PASSWORD) || all.contains("p=enc") || all.contains("t="), all);
        assertFalse(new SubsonicAuth(PASSWORD).toString().contains(PASSWORD));
    }

    @Test
    void theTokenIsTheSubsonicDocumentationsExample() {
        // The example of the Subsonic API documentation: password "sesame", salt "c19b2d".
        assertEquals("26719a1196d2a940705a59634eb18eab", SubsonicAuth.token("sesame", "c19b2d"));
        assertTrue(SubsonicAuth.supportsTokens("1.13.0"));
        assertTrue(SubsonicAuth.supportsTokens("1.16.1"));
        assertFalse(SubsonicAuth.supportsTokens("1.10.2"));
        assertFalse(SubsonicAuth.supportsTokens("garbage"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                map.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }
}
