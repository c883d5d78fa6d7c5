package org.segue.plugin.connector.subsonic.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Subsonic API server for tests: Debian's supysonic (API 1.10.2) on loopback, with a
 * library of tracks synthesised here by ffmpeg, one user, and its own database in a temporary
 * folder. Where supysonic is not installed the tests are skipped, unless
 * {@code SEGUE_REQUIRE_PEERS=1} (set by CI, which installs it) makes that a failure.
 *
 * <p>Public, in this module's test jar, for the integration tests that import from it through the
 * real distribution.
 */
public final class SupysonicServer implements AutoCloseable {
    static final String SUPYSONIC_SERVER = "/usr/bin/supysonic-server";
    static final String SUPYSONIC_CLI = "/usr/bin/supysonic-cli";
    static final String FFMPEG = "/usr/bin/ffmpeg";

    public final Path folder;
    public final Path music;
    public final URI url;
    public final String username = "alice";
    public final String password = " s3cret pass&word=$HOME #1 \\x:";
    private final Process process;

    private SupysonicServer(Path folder, Path music, URI url, Process process) {
        this.folder = folder;
        this.music = music;
        this.url = url;
        this.process = process;
    }

    /** Skips the calling test when the peers are missing (fails instead in CI). */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(Path.of(SUPYSONIC_SERVER)) && Files.isExecutable(Path.of(FFMPEG));
        if (!installed && "1".equals(System.getenv("SEGUE_REQUIRE_PEERS"))) {
            fail("supysonic and ffmpeg must be installed (apt-get install supysonic python3-waitress ffmpeg)");
        }
        assumeTrue(installed, "supysonic or ffmpeg is not installed");
    }

    /**
     * Starts a server over {@code tracks} synthesised tones: each {@code {title, artist, frequency,
     * seconds, extension}}.
     */
    public static SupysonicServer start(Path folder, List<String[]> tracks) throws IOException, InterruptedException {
        assumeInstalled();
        Path music = Files.createDirectories(folder.resolve("music"));
        for (String[] t : tracks) {
            Path artistDir = Files.createDirectories(music.resolve(t[1]));
            Path file = artistDir.resolve(t[0].replaceAll("[^A-Za-z0-9]", "_") + "." + t[4]);
            run(folder, FFMPEG, "-loglevel", "error", "-f", "lavfi", "-i",
                    "sine=frequency=" + t[2] + ":duration=" + t[3], "-metadata", "title=" + t[0],
                    "-metadata", "artist=" + t[1], "-metadata", "album=Test Album", file.toString());
        }
        Files.writeString(folder.resolve("supysonic.conf"), String.join("\n",
                "[base]", "database_uri = sqlite:///" + folder.resolve("supysonic.db"),
                "[webapp]", "cache_dir = " + folder.resolve("cache"), "log_level = WARNING", "mount_webui = off",
                "[daemon]", "socket = " + folder.resolve("daemon.sock"), ""), StandardCharsets.UTF_8);
        SupysonicServer probe = new SupysonicServer(folder, music, null, null);
        run(folder, SUPYSONIC_CLI, "user", "add", probe.username, "-p", probe.password);
        run(folder, SUPYSONIC_CLI, "folder", "add", "music", music.toString());
        run(folder, SUPYSONIC_CLI, "folder", "scan", "-f", "music");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(SUPYSONIC_SERVER, "-S", "waitress", "-h", "127.0.0.1", "-p",
                Integer.toString(port)).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("server.log").toFile()).start();
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        SupysonicServer server = new SupysonicServer(folder, music, url, process);
        server.awaitUp();
        return server;
    }

    /** A playlist made through the API, the way a user of the server would. */
    public void createPlaylist(String name, List<String> songIds) throws IOException, InterruptedException {
        StringBuilder q = new StringBuilder("createPlaylist.view?name=" + encode(name));
        for (String id : songIds) {
            q.append("&songId=").append(id);
        }
        String body = get(q.toString());
        if (!body.contains("\"ok\"")) {
            throw new IOException("createPlaylist failed: " + body);
        }
    }

    /** The id the server gave the song with this exact title. */
    public String songId(String title) throws IOException, InterruptedException {
        String body = get("search3.view?artistCount=0&albumCount=0&query=" + encode(title));
        var songs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)
                .path("subsonic-response").path("searchResult3").path("song");
        for (var song : songs) {
            if (song.path("title").asText().equals(title)) {
                return song.path("id").asText();
            }
        }
        throw new IOException("no song titled " + title + ": " + body);
    }

    private String get(String methodAndQuery) throws IOException, InterruptedException {
        String auth = "u=" + username + "&p=enc:" + java.util.HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8))
                + "&v=1.10.2&c=test&f=json&";
        int q = methodAndQuery.indexOf('?');
        URI uri = url.resolve("rest/" + methodAndQuery.substring(0, q + 1) + auth + methodAndQuery.substring(q + 1));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void awaitUp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("supysonic-server exited: " + Files.readString(folder.resolve("server.log")));
            }
            try {
                http.send(HttpRequest.newBuilder(url.resolve("rest/ping.view")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("supysonic-server did not answer within 30 s");
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd.subList(0, 2)) + " failed: " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
