package org.segue.plugin.server.http.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.function.Predicate;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The filter in front of a servlet on a real embedded Jetty, over real HTTP. */
class PlainHttpFilterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A server whose only servlet answers "served" to anything that passes the filter. */
    private static Server serve(Predicate<String> trusted) throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        // Lets the test mark a request as having come over TLS (X-Forwarded-Proto: https).
        config.addCustomizer(new ForwardedRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setStatus(200);
                resp.getWriter().write("served " + req.getMethod());
            }
        }), "/*");
        context.addFilter(new FilterHolder(new PlainHttpFilter(8443, 3600, trusted, MAPPER)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        return server;
    }

    private static URI at(Server server, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + pathAndQuery);
    }

    @Test
    void redirectsReadsFromOtherMachinesToTheSamePathOnTheHttpsPort() throws Exception {
        Server server = serve(address -> false);
        try {
            HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(at(server, "/api/tracks?q=deep%20house&page=2")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(308, get.statusCode());
            assertEquals("https://127.0.0.1:8443/api/tracks?q=deep%20house&page=2", get.headers().firstValue("Location").orElseThrow());
            assertEquals("", get.body(), "nothing of the page over plain HTTP");

            HttpResponse<String> head = CLIENT.send(HttpRequest.newBuilder(at(server, "/")).method("HEAD",
                    HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(308, head.statusCode());
            assertEquals("https://127.0.0.1:8443/", head.headers().firstValue("Location").orElseThrow());
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesWritesFromOtherMachinesNamingTheHttpsAddress() throws Exception {
        Server server = serve(address -> false);
        try {
            HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(at(server, "/api/auth/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"ann\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, post.statusCode());
            assertEquals(Problem.MEDIA_TYPE, post.headers().firstValue("Content-Type").orElseThrow());
            JsonNode problem = MAPPER.readTree(post.body());
            assertEquals(403, problem.get("status").asInt());
            assertTrue(problem.get("detail").asText().contains("https://127.0.0.1:8443/api/auth/login"), post.body());
            assertFalse(post.body().contains("served"), "the servlet never saw it");
        } finally {
            server.stop();
        }
    }

    @Test
    void servesTrustedAddressesOverPlainHttpAndMarksHttpsAnswersWithHsts() throws Exception {
        Server server = serve(PlainHttpFilter::isLoopback);
        try {
            HttpResponse<String> local = CLIENT.send(HttpRequest.newBuilder(at(server, "/api/health"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, local.statusCode());
            assertEquals("served POST", local.body());
            assertTrue(local.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS means nothing over HTTP");
        } finally {
            server.stop();
        }
        server = serve(address -> false);
        try {
            HttpResponse<String> secure = CLIENT.send(HttpRequest.newBuilder(at(server, "/api/health"))
                    .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, secure.statusCode(), "a request that came over TLS passes, from anywhere");
            assertEquals("max-age=3600", secure.headers().firstValue("Strict-Transport-Security").orElseThrow());
        } finally {
            server.stop();
        }
    }

    @Test
    void knowsLoopbackLiteralsAndAsksNoDns() {
        assertTrue(PlainHttpFilter.isLoopback("127.0.0.1"));
        assertTrue(PlainHttpFilter.isLoopback("127.4.5.6"));
        assertTrue(PlainHttpFilter.isLoopback("::1"));
        assertTrue(PlainHttpFilter.isLoopback("[0:0:0:0:0:0:0:1]"));
        assertFalse(PlainHttpFilter.isLoopback("10.0.0.7"));
        assertFalse(PlainHttpFilter.isLoopback("192.168.1.20"));
        assertFalse(PlainHttpFilter.isLoopback("fe80::1"));
        assertFalse(PlainHttpFilter.isLoopback("localhost"), "a name is not an address");
        assertFalse(PlainHttpFilter.isLoopback(""));
        assertFalse(PlainHttpFilter.isLoopback(null));
    }

    @Test
    void refusesAnImpossibleHttpsPort() {
        assertThrows(IllegalArgumentException.class, () -> new PlainHttpFilter(0, 0, a -> true, MAPPER));
        assertThrows(IllegalArgumentException.class, () -> new PlainHttpFilter(70000, 0, a -> true, MAPPER));
    }

    @Test
    void leavesOutTheDefaultPortAndBracketsIpv6Hosts() throws Exception {
        PlainHttpFilter standard = new PlainHttpFilter(443, 0, a -> false, MAPPER);
        HttpServletRequest req = (HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServerName" -> "::1";
                    case "getRequestURI" -> "/s/abc";
                    case "getQueryString" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        assertEquals("https://[::1]/s/abc", standard.httpsUrl(req));
    }
}
