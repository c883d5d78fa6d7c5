package org.segue.support.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class ServiceHttpTest {

    static HttpHeaders headers(Map<String, List<String>> map) {
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void backoffTakesTheServersHintElseDoublesAndStopsAtItsBudget() {
        ServiceHttp.Backoff b = new ServiceHttp.Backoff(4, Duration.ofSeconds(30));
        assertEquals(Optional.of(Duration.ofSeconds(1)), b.next(headers(Map.of())));
        assertEquals(Optional.of(Duration.ofSeconds(7)), b.next(headers(Map.of("Retry-After", List.of("7")))));
        assertEquals(Optional.of(Duration.ofSeconds(4)), b.next(headers(Map.of())), "doubled twice since the first");
        assertEquals(Duration.ofSeconds(12), b.waited());
        assertEquals(Optional.empty(), b.next(headers(Map.of())), "four attempts made");
    }

    @Test
    void backoffRefusesAWaitBeyondTheTotalAndPrefersTheFirstHintHeader() {
        ServiceHttp.Backoff b = new ServiceHttp.Backoff(10, Duration.ofSeconds(10));
        HttpHeaders both = headers(Map.of("X-RateLimit-Reset-In", List.of("3"), "Retry-After", List.of("9")));
        assertEquals(Optional.of(Duration.ofSeconds(3)), b.next(both, "X-RateLimit-Reset-In", "Retry-After"));
        assertEquals(Optional.empty(), b.next(both, "Retry-After"), "3 + 9 s is over the 10 s budget");
        assertEquals(Duration.ofSeconds(3), b.waited());
    }

    @Test
    void sendNamesTheServiceWhenItTimesOutOrCannotBeReached() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/", exchange -> {
            try {
                Thread.sleep(3000);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        slow.start();
        try {
            URI api = URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/");
            ServiceHttp http = new ServiceHttp("Example", api, Duration.ofMillis(300), d -> { });
            IOException e = assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(api.resolve("x"))
                    .timeout(http.timeout()).build(), HttpResponse.BodyHandlers.ofString(), "the x list"));
            assertEquals("Example did not answer the x list within 0 s", e.getMessage());
        } finally {
            slow.stop(0);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI gone = URI.create("http://127.0.0.1:" + closed + "/");
        ServiceHttp http = new ServiceHttp("Example", gone, Duration.ofSeconds(2), d -> { });
        IOException e = assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(gone).build(),
                HttpResponse.BodyHandlers.ofString(), "the root"));
        assertTrue(e.getMessage().startsWith("cannot reach Example at 127.0.0.1:" + closed + " (the root)"), e.getMessage());
    }

    @Test
    void aPauseInterruptedIsAnInterruptedIoExceptionAndKeepsTheFlag() {
        ServiceHttp http = new ServiceHttp("Example", URI.create("http://127.0.0.1/"), Duration.ofSeconds(1), d -> {
            throw new InterruptedException();
        });
        InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> http.pause(Duration.ofSeconds(1), "search"));
        assertEquals("interrupted while waiting for Example (search)", e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void sendReturnsTheAnswerAsIs() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "busy".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "2");
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            ServiceHttp http = new ServiceHttp("Example", api, Duration.ofSeconds(5), d -> { });
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString(), "x");
            assertEquals(429, r.statusCode());
            assertEquals("busy", r.body());
            assertEquals(Optional.of(Duration.ofSeconds(2)), new ServiceHttp.Backoff(2, Duration.ofSeconds(5)).next(r.headers()));
        } finally {
            server.stop(0);
        }
    }
}
