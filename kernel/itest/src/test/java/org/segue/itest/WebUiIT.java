package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code segue serve} of the built distribution serves the web UI (plugins/server-webui) beside
 * the REST API: the root answers index.html, the files it loads come with their types, the API's
 * {@code /api/*} is not shadowed by the UI's {@code /*}, and unknown files are 404.
 */
class WebUiIT {

    private static final Pattern LISTENING = Pattern.compile("Segue server listening on (http://\\S+)");

    @TempDir
    static Path dir;
    static Process server;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void serve() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        server = SegueProcess.start(KernelFixture.DIST, dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
                "serve", "--port", "0", "--data", data.toString());
        base = ProcessOutput.follow(server).await(LISTENING, Duration.ofSeconds(120)).group(1)
                .replace("://0.0.0.0", "://127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rootIsTheApp() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode(), index.body());
        assertTrue(index.body().contains("<div id=\"root\">"), index.body());
        assertTrue(index.headers().firstValue("content-type").orElse("").startsWith("text/html"), index.headers().toString());
        assertEquals(index.body(), get("/index.html").body());
    }

    @Test
    void theFilesIndexLoadsAreServedWithTheirTypes() throws Exception {
        String html = get("/index.html").body();
        Matcher script = Pattern.compile("src=\"\\./(assets/[^\"]+\\.js)\"").matcher(html);
        Matcher style = Pattern.compile("href=\"\\./(assets/[^\"]+\\.css)\"").matcher(html);
        assertTrue(script.find() && style.find(), html);
        HttpResponse<String> js = get("/" + script.group(1));
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("content-type").orElse("").contains("javascript"), js.headers().toString());
        assertTrue(js.body().length() > 10_000, "script of " + js.body().length() + " chars");
        HttpResponse<String> css = get("/" + style.group(1));
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("content-type").orElse("").startsWith("text/css"), css.headers().toString());
    }

    @Test
    void theApiIsNotShadowedByTheApp() throws Exception {
        HttpResponse<String> health = get("/api/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\""), health.body());
        HttpResponse<String> unauthorised = get("/api/me");
        assertEquals(401, unauthorised.statusCode(), unauthorised.body());
        assertTrue(unauthorised.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void unknownFilesAreNotFound() throws Exception {
        assertEquals(404, get("/assets/no-such-file.js").statusCode());
        assertEquals(404, get("/no-such-page.html").statusCode());
    }
}
