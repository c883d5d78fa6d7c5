package org.segue.marketplace.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile upload is refused over real HTTP with a clear error, and leaves nothing behind:
 * no blob, no journal record, no temp file, and the catalogue as it was.
 */
class HostileUploadTest {

    static final long MAX_UPLOAD = 2 << 20;

    @TempDir
    Path data;

    MarketplaceServer server;
    TestPublisher alice;
    TestPublisher bob;

    @BeforeEach
    void start() throws Exception {
        server = MarketplaceServer.start(MarketplaceConfig.local(data).withMaxUploadBytes(MAX_UPLOAD));
        alice = new TestPublisher(server.uri(), "alice");
        bob = new TestPublisher(server.uri(), "bob");
        assertEquals(201, alice.register().statusCode());
        assertEquals(201, bob.register().statusCode());
        assertEquals(201, alice.publish(TestBundles.bundle("org.example.echo", "1.2.0").jar(), meta()).statusCode());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static ObjectNode meta() {
        return TestPublisher.metadata("Echo", "effect");
    }

    /** The state a rejection must not change: stored files and the journal's bytes. */
    record Stored(List<String> files, byte[] journal, String plugins) {
    }

    Stored stored() throws Exception {
        try (Stream<Path> walk = Files.walk(data)) {
            List<String> files = walk.filter(Files::isRegularFile).map(p -> data.relativize(p).toString())
                    .filter(p -> !p.startsWith("keys")).sorted().toList();
            String plugins = TestPublisher.JSON.readTree(HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri().resolve("api/v1/plugins")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).toString();
            return new Stored(files, Files.readAllBytes(data.resolve("journal.log")), plugins);
        }
    }

    void assertRejected(int status, String code, String messagePart, Attempt attempt) throws Exception {
        Stored before = stored();
        Object sent = attempt.send();
        int statusCode = sent instanceof RawResponse raw ? raw.statusCode() : ((HttpResponse<?>) sent).statusCode();
        String body = sent instanceof RawResponse raw ? raw.body() : (String) ((HttpResponse<?>) sent).body();
        assertEquals(status, statusCode, body);
        JsonNode error = TestPublisher.JSON.readTree(body);
        assertEquals(code, error.path("error").asText(), body);
        assertTrue(error.path("message").asText().contains(messagePart), () -> "message should say '" + messagePart + "': " + body);
        Stored after = stored();
        assertEquals(before.files(), after.files(), "no file stored or left behind");
        assertArrayEquals(before.journal(), after.journal(), "nothing committed");
        assertEquals(before.plugins(), after.plugins());
    }

    @FunctionalInterface
    interface Attempt {
        /** An HttpResponse&lt;String&gt; or a RawResponse. */
        Object send() throws Exception;
    }

    @Test
    void unsignedUpload() throws Exception {
        byte[] jar = TestBundles.bundle("org.example.echo", "1.3.0").jar();
        assertRejected(403, "unsigned", "not signed", () -> alice.publishRaw(alice.release(jar, meta()), null, jar));
        assertRejected(400, "unsigned", "no 'release' part", () -> alice.publishRaw(null, "AAAA", jar));
    }

    @Test
    void tamperedArtifact() throws Exception {
        byte[] jar = TestBundles.bundle("org.example.echo", "1.3.0").jar();
        byte[] release = alice.release(jar, meta());
        String signature = alice.sign(release);
        byte[] evil = TestBundles.bundle("org.example.echo", "1.3.0").entry("evil/Payload.class", new byte[] {1, 2, 3}).jar();
        assertRejected(403, "tampered", "not the one signed", () -> alice.publishRaw(release, signature, evil));
    }

    @Test
    void tamperedReleaseDocument() throws Exception {
        byte[] jar = TestBundles.bundle("org.example.echo", "1.3.0").jar();
        byte[] release = alice.release(jar, meta());
        String signature = alice.sign(release);
        byte[] altered = new String(release, StandardCharsets.UTF_8).replace("GPL-3.0-or-later", "MIT").getBytes(StandardCharsets.UTF_8);
        assertRejected(403, "bad-signature", "does not match", () -> alice.publishRaw(altered, signature, jar));
    }

    @Test
    void unknownKey() throws Exception {
        TestPublisher stranger = new TestPublisher(server.uri(), "mallory");
        byte[] jar = TestBundles.bundle("org.example.mallory", "1.0.0").jar();
        assertRejected(403, "unknown-key", "unknown account 'mallory'", () -> stranger.publish(jar, meta()));
        // Claiming alice's account with another key: refused by fingerprint, and by signature when no fingerprint is sent.
        TestPublisher impostor = new TestPublisher(server.uri(), "alice");
        assertRejected(403, "unknown-key", "is not the key registered for 'alice'", () -> impostor.publish(jar, meta()));
        ObjectNode doc = TestPublisher.JSON.readValue(impostor.release(jar, meta()), ObjectNode.class);
        doc.remove("key");
        byte[] noKey = TestPublisher.JSON.writeValueAsBytes(doc);
        assertRejected(403, "bad-signature", "signed with another key", () -> impostor.publishRaw(noKey, impostor.sign(noKey), jar));
    }

    @Test
    void notAJarAndNotABundle() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertRejected(400, "not-a-jar", "not a jar", () -> alice.publish(noise, meta()));
        byte[] plainJar = TestBundles.bundle("x", "1.0.0").header("Bundle-ManifestVersion", null)
                .header("Bundle-SymbolicName", null).jar();
        assertRejected(400, "not-a-bundle", "Bundle-ManifestVersion", () -> alice.publish(plainJar, meta()));
        byte[] noManifest = zip("a/B.class", new byte[10]);
        assertRejected(400, "not-a-bundle", "no META-INF/MANIFEST.MF", () -> alice.publish(noManifest, meta()));
        byte[] badVersion = TestBundles.bundle("org.example.echo", "1.x").jar();
        assertRejected(400, "bad-manifest", "'1.x' is not an OSGi version", () -> alice.publish(badVersion, meta()));
    }

    @Test
    void zipSlipEntryNames() throws Exception {
        for (String name : List.of("../../etc/cron.d/evil", "/etc/passwd", "a/../../b", "C:/windows/evil.dll", "a\\..\\b")) {
            byte[] jar = TestBundles.bundle("org.example.slip", "1.0.0").entry(name, new byte[] {1}).jar();
            assertRejected(400, "zip-slip", "entry name", () -> alice.publish(jar, meta()));
        }
    }

    @Test
    void zipBomb() throws Exception {
        // 24 MiB of zeros deflate to ~24 KiB: a ratio of about 1000, far past the limit of 100.
        byte[] bomb = TestBundles.bundle("org.example.bomb", "1.0.0").entry("data/zeros.bin", new byte[24 << 20]).jar();
        assertTrue(bomb.length < 100_000, "the bomb is small on the wire: " + bomb.length);
        assertRejected(413, "zip-bomb", "inflates more than 100 times", () -> alice.publish(bomb, meta()));
    }

    @Test
    void oversizedManifest() throws Exception {
        byte[] jar = TestBundles.bundle("org.example.fat", "1.0.0").header("X-Padding", "x".repeat(100_000)).jar();
        assertRejected(400, "manifest-too-large", "MANIFEST.MF is larger than 65536 bytes", () -> alice.publish(jar, meta()));
    }

    @Test
    void symbolicNameOfAnotherPublisher() throws Exception {
        byte[] jar = TestBundles.bundle("org.example.echo", "9.0.0").jar();
        assertRejected(403, "name-owned", "belongs to publisher 'alice'", () -> bob.publish(jar, meta()));
    }

    @Test
    void duplicateVersion() throws Exception {
        byte[] jar = TestBundles.bundle("org.example.echo", "1.2.0").entry("changed.txt", new byte[] {9}).jar();
        assertRejected(409, "duplicate-version", "already published", () -> alice.publish(jar, meta()));
        byte[] sameVersionOtherSpelling = TestBundles.bundle("org.example.echo", "1.2").jar();
        assertRejected(409, "duplicate-version", "1.2.0 is already published", () -> alice.publish(sameVersionOtherSpelling, meta()));
    }

    @Test
    void versionDowngradeWithinAMajorLine() throws Exception {
        byte[] older = TestBundles.bundle("org.example.echo", "1.1.9").jar();
        assertRejected(409, "version-downgrade", "lower than the published 1.2.0", () -> alice.publish(older, meta()));
        // A maintenance release of an older major line is not a downgrade.
        assertEquals(201, alice.publish(TestBundles.bundle("org.example.echo", "2.0.0").jar(), meta()).statusCode());
        assertEquals(201, alice.publish(TestBundles.bundle("org.example.echo", "1.2.1").jar(), meta()).statusCode());
    }

    @Test
    void oversizedRequest() throws Exception {
        byte[] big = new byte[(int) MAX_UPLOAD + (1 << 20)];
        new Random(1).nextBytes(big);
        byte[] jar = TestBundles.bundle("org.example.big", "1.0.0").entry("big.bin", big).jar();
        byte[] release = alice.release(jar, meta());
        TestPublisher.Multipart m = TestPublisher.multipart(release, jar);
        // The way curl uploads (Expect: 100-continue): the server answers from the headers alone,
        // and the 3 MiB body is never sent. (Java 17's HttpClient cannot take a final answer to
        // Expect, JDK-8286171, hence a socket.)
        assertRejected(413, "too-large", "more than the limit", () -> {
            try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST /api/v1/plugins HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                        + m.contentType() + "\r\nSegue-Signature: " + alice.sign(release) + "\r\nContent-Length: "
                        + m.body().length + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return RawResponse.read(socket.getInputStream());
            }
        });
    }

    /** Just enough of an HTTP/1.1 response reader for one response with a Content-Length. */
    record RawResponse(int statusCode, String body) {
        static RawResponse read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed in the response head: " + head);
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int length = 0;
            for (String line : lines) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]),
                    new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    @Test
    void replayedAndStaleDocuments() throws Exception {
        byte[] jar = TestBundles.bundle("org.example.echo", "1.3.0").jar();
        ObjectNode doc = TestPublisher.JSON.readValue(alice.release(jar, meta()), ObjectNode.class);
        doc.put("issued", System.currentTimeMillis() - 3_600_000);
        byte[] stale = TestPublisher.JSON.writeValueAsBytes(doc);
        assertRejected(403, "stale", "minutes from the server's clock", () -> alice.publishRaw(stale, alice.sign(stale), jar));

        byte[] rating = TestPublisher.JSON.writeValueAsBytes(alice.doc("segue-rating/1").put("plugin", "org.example.echo").put("stars", 5));
        String signature = alice.sign(rating);
        assertEquals(200, alice.postSigned("api/v1/plugins/org.example.echo/ratings", rating, signature).statusCode());
        assertRejected(403, "replayed", "a replay", () -> alice.postSigned("api/v1/plugins/org.example.echo/ratings", rating, signature));
    }

    @Test
    void badMetadata() throws Exception {
        byte[] jar = TestBundles.bundle("org.example.echo", "1.3.0").jar();
        assertRejected(400, "bad-metadata", "metadata.category must be one of", () -> alice.publish(jar, TestPublisher.metadata("Echo", "synth")));
        ObjectNode noName = meta();
        noName.remove("name");
        assertRejected(400, "bad-metadata", "metadata.name is missing", () -> alice.publish(jar, noName));
        assertRejected(400, "bad-metadata", "metadata.homepage", () -> alice.publish(jar, meta().put("homepage", "javascript:alert(1)")));
    }

    static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
