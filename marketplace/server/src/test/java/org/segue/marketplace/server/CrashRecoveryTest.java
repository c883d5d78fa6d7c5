package org.segue.marketplace.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in a child process, killed with SIGKILL in the middle of publishing (while the
 * request body is arriving, and between storing the blob and journaling the release), then
 * restarted on the same data folder: what was committed is all there, and nothing of the
 * interrupted publishes is.
 */
class CrashRecoveryTest {

    @TempDir
    Path data;

    final HttpClient http = HttpClient.newHttpClient();

    /** A marketplace server in its own JVM. */
    static final class Child implements AutoCloseable {
        private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

        final Process process;
        final URI uri;
        final BlockingQueue<String> lines;

        private Child(Process process, URI uri, BlockingQueue<String> lines) {
            this.process = process;
            this.uri = uri;
            this.lines = lines;
        }

        static Child start(Path data, boolean pauseBeforeCommit) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--data", data.toString(), "--port", "0"));
            if (pauseBeforeCommit) {
                command.add("--test-pause-before-commit");
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the process died: that is the point
                }
            });
            reader.setDaemon(true);
            reader.start();
            String line = await(lines, p, "listening on");
            Matcher m = LISTENING.matcher(line);
            assertTrue(m.find(), line);
            return new Child(p, URI.create(m.group(1)), lines);
        }

        static String await(BlockingQueue<String> lines, Process p, String wanted) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (line.contains(wanted)) {
                        return line;
                    }
                } else if (!p.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("the server never printed '" + wanted + "'; it printed: " + String.join("\n", seen));
        }

        String await(String wanted) throws Exception {
            return await(lines, process, wanted);
        }

        /** SIGKILL: on Unix, destroyForcibly is kill -9; no shutdown hook, no flush, no close. */
        void kill9() throws Exception {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, process.exitValue(), "killed by SIGKILL (128 + 9)");
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static byte[] jar(String version, int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        new Random(version.hashCode()).nextBytes(payload);
        return TestBundles.bundle("org.example.crash", version).entry("assets/noise.bin", payload).jar();
    }

    @Test
    void killedMidPublishKeepsEveryCommitAndNothingHalfDone() throws Exception {
        byte[] v100 = jar("1.0.0", 10_000);
        byte[] v110 = jar("1.1.0", 10_000);
        byte[] v120 = jar("1.2.0", 3_000_000);
        TestPublisher alice;
        try (Child child = Child.start(data, false)) {
            alice = new TestPublisher(child.uri, "alice");
            assertEquals(201, alice.register().statusCode());
            assertEquals(201, alice.publish(v100, TestPublisher.metadata("Crash", "effect")).statusCode());
            assertEquals(201, alice.publish(v110, TestPublisher.metadata("Crash", "effect")).statusCode());
            assertEquals(200, alice.rate("org.example.crash", 5, "survives").statusCode());

            // Killed while the body of a publish is arriving.
            byte[] release = alice.release(v120, TestPublisher.metadata("Crash", "effect"));
            TestPublisher.Multipart m = TestPublisher.multipart(release, v120);
            try (Socket socket = new Socket(child.uri.getHost(), child.uri.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/plugins HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + m.contentType()
                        + "\r\nSegue-Signature: " + alice.sign(release) + "\r\nContent-Length: " + m.body().length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                // Past the 1 MiB the server keeps in memory, so part of it is spooled to disk.
                out.write(m.body(), 0, m.body().length * 4 / 5);
                out.flush();
                waitForFileUnder(data.resolve("tmp"));
                child.kill9();
            }
        }
        assertState(v100, v110);

        try (Child child = Child.start(data, true)) {
            // Killed after the blob is renamed into place and before the journal record.
            alice = new TestPublisher(child.uri, "alice", alice.keys);
            TestPublisher publisher = alice;
            Thread upload = new Thread(() -> {
                try {
                    publisher.publish(v120, TestPublisher.metadata("Crash", "effect"));
                } catch (Exception e) {
                    // the connection dies with the server
                }
            });
            upload.setDaemon(true);
            upload.start();
            child.await(MarketplaceConfig.PAUSED_LINE);
            assertTrue(Files.exists(blob(v120)), "the crash point is after the blob is stored");
            child.kill9();
        }
        assertState(v100, v110);

        try (Child child = Child.start(data, false)) {
            alice = new TestPublisher(child.uri, "alice", alice.keys);
            assertState(child.uri, v100, v110);
            assertEquals(201, alice.publish(v120, TestPublisher.metadata("Crash", "effect")).statusCode(),
                    "the interrupted version can be published again: nothing of it was kept");
            assertEquals(3, versions(child.uri).size());
        }
    }

    @Test
    void sigtermStopsCleanlyAndKeepsTheDownloadCounts() throws Exception {
        byte[] v100 = jar("1.0.0", 1_000);
        try (Child child = Child.start(data, false)) {
            TestPublisher alice = new TestPublisher(child.uri, "alice");
            assertEquals(201, alice.register().statusCode());
            assertEquals(201, alice.publish(v100, TestPublisher.metadata("Crash", "effect")).statusCode());
            for (int i = 0; i < 3; i++) {
                getBytes(child.uri, "download/org.example.crash/1.0.0/c.jar");
            }
            child.process.destroy(); // SIGTERM: the shutdown hook stops Jetty and commits pending counts
            assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
        }
        try (Child child = Child.start(data, false)) {
            JsonNode plugin = TestPublisher.JSON.readTree(get(child.uri, "api/v1/plugins/org.example.crash"));
            assertEquals(3, plugin.path("downloads").asLong(), "counted downloads were committed on SIGTERM");
        }
    }

    private Path blob(byte[] jar) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
        return data.resolve("blobs").resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
    }

    /** On disk, before any restart cleans up: every committed blob whole. */
    private void assertState(byte[]... committed) throws Exception {
        for (byte[] jar : committed) {
            assertArrayEquals(jar, Files.readAllBytes(blob(jar)));
        }
    }

    /** After the restart: the committed versions, their blobs, their rating, and nothing else stored. */
    private void assertState(URI uri, byte[]... committed) throws Exception {
        assertEquals(List.of("1.1.0", "1.0.0"), versions(uri));
        JsonNode plugin = TestPublisher.JSON.readTree(get(uri, "api/v1/plugins/org.example.crash"));
        assertEquals(1, plugin.path("rating").path("count").asInt());
        for (int i = 0; i < committed.length; i++) {
            String version = i == 0 ? "1.0.0" : "1.1.0";
            assertArrayEquals(committed[i], getBytes(uri, "download/org.example.crash/" + version + "/c.jar"));
        }
        try (Stream<Path> blobs = Files.walk(data.resolve("blobs")); Stream<Path> temps = Files.walk(data.resolve("tmp"))) {
            assertEquals(committed.length, blobs.filter(Files::isRegularFile).count(), "the orphaned blob was swept");
            assertEquals(0, temps.filter(Files::isRegularFile).count(), "no temp file survives a start");
        }
        JsonNode index = TestPublisher.JSON.readTree(get(uri, "index.json"));
        assertEquals(2, index.path("plugins").get(0).path("versions").size());
    }

    private List<String> versions(URI uri) throws Exception {
        List<String> out = new ArrayList<>();
        TestPublisher.JSON.readTree(get(uri, "api/v1/plugins/org.example.crash")).path("versions")
                .forEach(v -> out.add(v.path("version").asText()));
        return out;
    }

    private String get(URI uri, String path) throws Exception {
        return new String(getBytes(uri, path), StandardCharsets.UTF_8);
    }

    private byte[] getBytes(URI uri, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    /** Waits until the server has started spooling the upload (a file under {@code dir}). */
    private static void waitForFileUnder(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(dir)) {
                if (files.anyMatch(Files::isRegularFile)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server never started spooling the upload under " + dir);
    }
}
