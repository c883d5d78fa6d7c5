package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.testkit.FakeHttp;

/**
 * The Spotify connector through the installed distribution, against a loopback stand-in for
 * Spotify's accounts service and Web API (only loopback is reachable here): {@code segue connect
 * spotify --name work} saves the account, {@code segue spotify-login --name work} prints the consent
 * address and catches the "browser's" redirect on its loopback listener, exchanges the code with the
 * PKCE verifier (the stand-in checks it against the S256 challenge) and keeps the tokens in the
 * user's configuration folder, owner-only; then a playlist imports as metadata only.
 */
class SpotifyLoginIT {
    private static final String CLIENT = "itest-client";
    private static final String ACCESS = "BQ-itest-access";
    private static final String REFRESH = "AQ-itest-refresh";

    @TempDir
    Path work;

    private final Map<String, String> challenges = new HashMap<>();

    @Test
    void connectsThroughTheBrowserAndImportsAPlaylistAsMetadata() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String redirect = "http://127.0.0.1:" + port + "/callback";
        HttpServer spotify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + spotify.getAddress().getPort() + "/";
        spotify.createContext("/authorize", e -> {
            Map<String, String> q = query(e.getRequestURI().getRawQuery());
            if (!CLIENT.equals(q.get("client_id")) || !redirect.equals(q.get("redirect_uri"))
                    || !"S256".equals(q.get("code_challenge_method"))) {
                send(e, 400, "text/plain", "INVALID_CLIENT");
                return;
            }
            synchronized (challenges) {
                challenges.put("AQ-code-1", q.get("code_challenge"));
            }
            e.getResponseHeaders().set("Location", redirect + "?code=AQ-code-1&state="
                    + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
            e.sendResponseHeaders(302, -1);
            e.close();
        });
        spotify.createContext("/api/token", e -> {
            Map<String, String> f = query(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String challenge;
            synchronized (challenges) {
                challenge = challenges.remove(f.getOrDefault("code", ""));
            }
            if (challenge == null || !challenge.equals(s256(f.getOrDefault("code_verifier", "")))
                    || !"authorization_code".equals(f.get("grant_type"))) {
                send(e, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"bad code\"}");
                return;
            }
            send(e, 200, "application/json", "{\"access_token\":\"" + ACCESS + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":3600,\"refresh_token\":\"" + REFRESH + "\",\"scope\":\"playlist-read-private\"}");
        });
        spotify.createContext("/v1/", e -> {
            if (!("Bearer " + ACCESS).equals(e.getRequestHeaders().getFirst("Authorization"))) {
                send(e, 401, "application/json", "{\"error\":{\"status\":401,\"message\":\"Invalid access token\"}}");
            } else if (e.getRequestURI().getPath().equals("/v1/me/playlists")) {
                send(e, 200, "application/json", "{\"items\":[{\"id\":\"37i9dQZF1DXcBWIGoYBM5M\",\"name\":\"Late set\","
                        + "\"items\":{\"total\":2}}],\"next\":null,\"total\":1}");
            } else {
                send(e, 200, "application/json", "{\"items\":[" + entry("4uLU6hMCjMI75M1A2tKUQC", "Night Drive", "QZABC2100001")
                        + "," + entry("7xLU6hMCjMI75M1A2tKUQF", "Morning Light", "QZABC2000005") + "],\"next\":null}");
            }
        });
        spotify.start();
        try {
            Path home = Files.createDirectories(work.resolve("home"));
            Files.createSymbolicLink(home.resolve("bundles"), KernelFixture.DIST.resolve("bundles").toAbsolutePath());
            Files.createDirectories(home.resolve("plugins"));
            Files.createDirectories(home.resolve("conf"));
            Files.copy(KernelFixture.DIST.resolve("conf/org.apache.felix.fileinstall-user.cfg"),
                    home.resolve("conf/org.apache.felix.fileinstall-user.cfg"));

            SegueProcess.Result connect = SegueProcess.run(KernelFixture.DIST, work, env(), "--home", home.toString(),
                    "connect", "spotify", "--name", "work", "--no-secret", "clientId=" + CLIENT, "apiUrl=" + base,
                    "accountsUrl=" + base, "redirectUri=" + redirect);
            assertEquals(0, connect.code(), connect.out() + connect.err());

            Process login = SegueProcess.start(KernelFixture.DIST, work, env(), "--home", home.toString(),
                    "spotify-login", "--name", "work", "--wait", "120");
            login.getOutputStream().close();
            ProcessOutput output = ProcessOutput.follow(login);
            String consent;
            try {
                output.await(Pattern.compile("^Waiting for Spotify's answer"), Duration.ofSeconds(90));
                Matcher url = output.find(Pattern.compile("^\\s*(" + Pattern.quote(base + "authorize?") + "\\S*)"));
                assertTrue(url != null, output.toString());
                consent = url.group(1);
            } catch (AssertionError e) {
                // bin/segue is a script: stop the JVM it started too, so standard error ends.
                login.descendants().forEach(ProcessHandle::destroyForcibly);
                login.destroyForcibly();
                throw e;
            }
            HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build()
                    .send(HttpRequest.newBuilder(URI.create(consent)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(login.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, login.exitValue(), output.toString());
            output.await(Pattern.compile("Connected the Spotify account 'work'"), Duration.ofSeconds(10));

            Path tokens = work.resolve("config/segue/conf/spotify/work.tokens.json");
            assertTrue(Files.isRegularFile(tokens), output.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)));
            assertTrue(Files.readString(tokens).contains(REFRESH));

            SegueProcess.Result imported = SegueProcess.run(KernelFixture.DIST, work, env(), "--home", home.toString(),
                    "import", "--from", "spotify", "--playlist", "Late set");
            assertEquals(0, imported.code(), imported.out() + imported.err());
            assertTrue(imported.out().contains("2 added, 0 updated, 0 unchanged, 0 failed"), imported.out());
            assertTrue(imported.out().contains("2 of them metadata only"), imported.out());
            String everything = connect.out() + connect.err() + output + imported.out() + imported.err();
            assertFalse(everything.contains(ACCESS) || everything.contains(REFRESH), "tokens are never printed");
        } finally {
            spotify.stop(0);
        }
    }

    private static String entry(String id, String name, String isrc) {
        String track = "{\"id\":\"" + id + "\",\"type\":\"track\",\"name\":\"" + name + "\",\"duration_ms\":200000,"
                + "\"artists\":[{\"name\":\"Lumen Field\"}],\"album\":{\"name\":\"Afterglow\"},\"external_ids\":{\"isrc\":\""
                + isrc + "\"}}";
        return "{\"is_local\":false,\"item\":" + track + ",\"track\":" + track + "}";
    }

    private Map<String, String> env() {
        return Map.of("XDG_DATA_HOME", work.resolve("data").toString(), "XDG_CACHE_HOME", work.resolve("cache").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString());
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        return FakeHttp.query(raw);
    }

    private static void send(HttpExchange e, int status, String type, String body) throws IOException {
        try (e) {
            FakeHttp.reply(e, status, type, body);
        }
    }
}
