package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless server over real HTTP: {@code bin/segue serve --port 0} in a child process, driven
 * with {@link HttpClient}. Accounts, roles, privacy between users, problem bodies, limits, and a
 * restart that keeps accounts and finished jobs.
 */
class ServerIT {

    private static final Pattern LISTENING = Pattern.compile("Segue server listening on (http://\\S+)");
    private static final Pattern PASSWORD = Pattern.compile("user admin, password (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** A running {@code segue serve}. */
    static final class Server implements AutoCloseable {
        final Process process;
        final URI base;
        final String adminPassword;
        final ProcessOutput output;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        Server(Path work, Path data) throws Exception {
            this(KernelFixture.DIST, work, data);
        }

        /** The server of the installation at {@code home} (a copy, when a test adds plugins or configuration). */
        Server(Path home, Path work, Path data) throws Exception {
            process = SegueProcess.start(home, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()),
                    "serve", "--port", "0", "--data", data.toString());
            output = ProcessOutput.follow(process);
            try {
                base = URI.create(output.await(LISTENING, Duration.ofSeconds(90)).group(1));
            } catch (AssertionError | InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
            // Printed before "listening", on the first start only.
            Matcher password = output.find(PASSWORD);
            adminPassword = password == null ? null : password.group(1);
        }

        HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        String login(String user, String password) throws Exception {
            HttpResponse<String> r = send("POST", "/api/auth/login", null,
                    "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
            assertEquals(200, r.statusCode(), r.body());
            return JSON.readTree(r.body()).get("token").asText();
        }

        /** SIGTERM, as a service manager stops it. */
        @Override
        public void close() throws Exception {
            process.toHandle().destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("segue serve did not stop within 30 s of SIGTERM");
            }
        }
    }

    /** A click track with a low hum: 16-bit mono PCM WAV, {@code seconds} long at {@code bpm}. */
    static byte[] clickTrack(double bpm, double hum, int seconds) {
        int rate = 22050;
        int frames = rate * seconds;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + frames * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 2);
        for (int i = 0; i < frames; i++) {
            double t = (double) i / rate;
            double phase = (t * bpm / 60) % 1.0;
            double v = 0.6 * Math.exp(-phase * 40) * Math.sin(2 * Math.PI * 1000 * t) + 0.2 * Math.sin(2 * Math.PI * hum * t);
            b.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32000));
        }
        return b.array();
    }

    /** Uploads a file as {@code token}'s and waits for its analysis job; returns the job. */
    static JsonNode upload(Server s, String token, String name, byte[] wav) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(s.base.resolve("/api/tracks?filename=" + name))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build();
        HttpResponse<String> r = s.http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return awaitJob(s, token, r.headers().firstValue("Location").orElseThrow(), 120);
    }

    /** Waits for the job at {@code location} to succeed and returns it; fails on any other end. */
    static JsonNode awaitJob(Server s, String token, String location, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode job = json(s.send("GET", location, token, null));
            String state = job.get("state").asText();
            if (state.equals("succeeded")) {
                return job;
            }
            assertTrue(state.equals("queued") || state.equals("running"), job.toString());
            Thread.sleep(200);
        }
        throw new AssertionError("job " + location + " did not finish in " + seconds + " s");
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.headers().toString());
        JsonNode p = json(r);
        assertEquals(status, p.get("status").asInt());
        assertFalse(p.get("detail").asText().isEmpty());
    }

    @Test
    void accountsRolesPrivacyLimitsAndRestart() throws Exception {
        Path data = work.resolve("data");
        String alice;
        String bob;
        String aliceJob;
        String aliceTrack;
        try (Server s = new Server(work, data)) {
            assertNotNull(s.adminPassword, "the first start prints the admin password: " + s.output);
            assertEquals(s.adminPassword, Files.readString(data.resolve("initial-admin-password")).trim());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve("initial-admin-password"))));

            HttpResponse<String> health = s.send("GET", "/api/health", null, null);
            assertEquals(200, health.statusCode());
            assertEquals("ok", json(health).get("status").asText());
            assertEquals(200, s.send("GET", "/api/openapi.json", null, null).statusCode());

            assertProblem(s.send("POST", "/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"wrong-password\"}"), 401);
            assertProblem(s.send("GET", "/api/me", null, null), 401);
            String admin = s.login("admin", s.adminPassword);
            for (String u : new String[] {"alice", "bob"}) {
                HttpResponse<String> created = s.send("POST", "/api/users", admin,
                        "{\"username\":\"" + u + "\",\"password\":\"secret-" + u + "\",\"role\":\"user\"}");
                assertEquals(201, created.statusCode(), created.body());
                assertEquals("/api/users/" + u, created.headers().firstValue("Location").orElse(""));
            }
            HttpResponse<String> bad = s.send("POST", "/api/users", admin, "{\"username\":\"X!\",\"password\":\"secret-xx\"}");
            assertProblem(bad, 400);
            assertEquals("username", json(bad).get("field").asText());

            alice = s.login("alice", "secret-alice");
            bob = s.login("bob", "secret-bob");
            assertEquals("alice", json(s.send("GET", "/api/me", alice, null)).get("username").asText());
            assertProblem(s.send("GET", "/api/users", alice, null), 403);
            assertProblem(s.send("DELETE", "/api/users/bob", alice, null), 403);

            // Privacy: ids of another user's things answer exactly like ids that do not exist.
            assertEquals(0, json(s.send("GET", "/api/jobs", alice, null)).size());
            HttpResponse<String> missing = s.send("GET", "/api/jobs/00000000-0000-0000-0000-000000000000", alice, null);
            assertProblem(missing, 404);

            // 413: a JSON body over the 1 MiB limit.
            HttpResponse<String> big = s.send("POST", "/api/auth/login", null,
                    "{\"username\":\"" + "x".repeat(2 << 20) + "\",\"password\":\"p\"}");
            assertProblem(big, 413);

            // 429: beyond bob's burst of 100 requests.
            HttpResponse<String> limited = null;
            for (int i = 0; i < 200 && limited == null; i++) {
                HttpResponse<String> r = s.send("GET", "/api/me", bob, null);
                if (r.statusCode() == 429) {
                    limited = r;
                } else {
                    assertEquals(200, r.statusCode(), r.body());
                }
            }
            assertNotNull(limited, "bob was rate limited");
            assertProblem(limited, 429);
            assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0")) >= 1);
            assertEquals(200, s.send("GET", "/api/me", alice, null).statusCode(), "alice has her own budget");

            // Alice's tracks, jobs and plans are hers: for bob they do not exist.
            JsonNode job1 = upload(s, alice, "clicks-120.wav", clickTrack(120, 220, 12));
            JsonNode job2 = upload(s, alice, "clicks-124.wav", clickTrack(124, 330, 12));
            aliceJob = job1.get("id").asText();
            aliceTrack = job1.get("result").get("id").asText();
            assertEquals(120, job1.get("result").get("bpm").asDouble(), 1.0, job1.toString());
            assertEquals(2, json(s.send("GET", "/api/tracks", alice, null)).get("total").asInt());
            HttpResponse<String> plan = s.send("POST", "/api/mixes/plans", alice, "{\"tracks\":[\"" + aliceTrack
                    + "\",\"" + job2.get("result").get("id").asText() + "\"],\"style\":\"auto\",\"arc\":\"flat\"}");
            assertEquals(201, plan.statusCode(), plan.body());
            String planId = json(plan).get("id").asText();
            HttpResponse<byte[]> range = s.http.send(HttpRequest.newBuilder(s.base.resolve("/api/tracks/" + aliceTrack + "/audio"))
                    .header("Authorization", "Bearer " + alice).header("Range", "bytes=0-99").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, range.statusCode());
            assertEquals(100, range.body().length);
            assertEquals("RIFF", new String(range.body(), 0, 4, StandardCharsets.US_ASCII));

            assertEquals(0, json(s.send("GET", "/api/tracks", bob, null)).get("total").asInt(), "bob's library is empty");
            assertEquals(0, json(s.send("GET", "/api/jobs", bob, null)).size());
            for (String[] call : new String[][] {{"GET", "/api/tracks/" + aliceTrack}, {"GET", "/api/tracks/" + aliceTrack + "/analysis"},
                    {"GET", "/api/tracks/" + aliceTrack + "/audio"}, {"GET", "/api/tracks/" + aliceTrack + "/waveform"},
                    {"DELETE", "/api/tracks/" + aliceTrack}, {"GET", "/api/jobs/" + aliceJob}, {"DELETE", "/api/jobs/" + aliceJob},
                    {"GET", "/api/mixes/plans/" + planId}, {"POST", "/api/mixes/plans/" + planId + "/transitions/0/preview"}}) {
                assertProblem(s.send(call[0], call[1], bob, null), 404);
            }
            assertProblem(s.send("POST", "/api/mixes", bob, "{\"planId\":\"" + planId + "\"}"), 404);
            assertProblem(s.send("POST", "/api/feedback", bob, "{\"trackId\":\"" + aliceTrack + "\",\"kind\":\"like\"}"), 404);
            assertEquals(200, s.send("GET", "/api/tracks/" + aliceTrack, alice, null).statusCode(), "still alice's");

            SegueProcess.Result second = SegueProcess.run(KernelFixture.DIST, work, Map.of(), "serve", "--port", "0",
                    "--data", data.toString());
            assertEquals(1, second.code(), second.out() + second.err());
            assertTrue(second.err().contains("another segue serve is using"), second.err());

            HttpResponse<String> plugins = s.send("GET", "/api/plugins", alice, null);
            assertEquals(200, plugins.statusCode());
            boolean serverListed = false;
            for (JsonNode p : json(plugins)) {
                serverListed |= p.get("symbolicName").asText().equals("org.segue.plugin.server.http")
                        && p.get("state").asText().equals("active");
            }
            assertTrue(serverListed, plugins.body());
        }
        try (Server again = new Server(work, data)) {
            assertEquals(null, again.adminPassword, "no second bootstrap: " + again.output);
            assertEquals(200, again.send("GET", "/api/me", alice, null).statusCode(), "tokens survive a restart");
            assertNotNull(again.login("bob", "secret-bob"), "accounts survive a restart");
            JsonNode job = json(again.send("GET", "/api/jobs/" + aliceJob, alice, null));
            assertEquals("succeeded", job.get("state").asText(), "finished jobs survive a restart: " + job);
            assertEquals(aliceTrack, job.get("result").get("id").asText());
            assertEquals(200, again.send("GET", "/api/tracks/" + aliceTrack, alice, null).statusCode(), "and the library");
            assertProblem(again.send("GET", "/api/jobs/" + aliceJob, again.login("bob", "secret-bob"), null), 404);
        }
    }

    @Test
    void otherCommandsOpenNoPortAndLoadNoJetty() throws Exception {
        SegueProcess.Result r = SegueProcess.run(KernelFixture.DIST, work, Map.of(), "plugins");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("org.segue.plugin.server.http"), r.out());
        assertFalse(r.out().contains("org.apache.felix.http.jetty"), "Jetty is installed by segue serve only:\n" + r.out());
    }
}
