package org.segue.marketplace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats are not Java-only: a publisher key made and used by OpenSSL publishes, and OpenSSL
 * verifies the index signature with the marketplace key, exactly as the README shows.
 * Skipped where no {@code openssl} is installed.
 */
class OpenSslInteropTest {

    @TempDir
    Path dir;

    MarketplaceServer server;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(run("version") == 0, "openssl is not installed");
        server = MarketplaceServer.start(MarketplaceConfig.local(dir.resolve("data")));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    int run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    String opensslSign(String file) throws Exception {
        assertEquals(0, run("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", file, "-out", file + ".sig"));
        return Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(file + ".sig")));
    }

    @Test
    void anOpenSslKeyPublishesAndOpenSslVerifiesTheIndex() throws Exception {
        assertEquals(0, run("genpkey", "-algorithm", "ed25519", "-out", "key.pem"));
        assertEquals(0, run("pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der"));
        assertEquals(0, run("pkey", "-in", "key.pem", "-outform", "DER", "-out", "key.der"));
        byte[] spki = Files.readAllBytes(dir.resolve("pub.der"));
        KeyFactory ed = KeyFactory.getInstance("Ed25519");
        PublicKey pub = ed.generatePublic(new X509EncodedKeySpec(spki));
        PrivateKey priv = ed.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve("key.der"))));
        // Only used to compose documents; every signature below is OpenSSL's.
        TestPublisher carol = new TestPublisher(server.uri(), "carol", new KeyPair(pub, priv));

        ObjectNode register = carol.doc("segue-register/1");
        register.remove("key");
        register.put("publicKey", Base64.getEncoder().encodeToString(spki));
        Files.write(dir.resolve("register.json"), TestPublisher.JSON.writeValueAsBytes(register));
        HttpResponse<String> r = carol.postSigned("api/v1/accounts", Files.readAllBytes(dir.resolve("register.json")),
                opensslSign("register.json"));
        assertEquals(201, r.statusCode(), r.body());

        byte[] jar = TestBundles.bundle("org.example.openssl", "1.0.0").jar();
        Files.write(dir.resolve("release.json"), carol.release(jar, TestPublisher.metadata("Interop", "badge")));
        HttpResponse<String> published = carol.publishRaw(Files.readAllBytes(dir.resolve("release.json")),
                opensslSign("release.json"), jar);
        assertEquals(201, published.statusCode(), published.body());

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> index = http.send(HttpRequest.newBuilder(server.uri().resolve("index.json")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String sig = new String(http.send(HttpRequest.newBuilder(server.uri().resolve("index.json.sig")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.US_ASCII).trim();
        String key = new String(http.send(HttpRequest.newBuilder(server.uri().resolve("marketplace.pub")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.US_ASCII).trim();
        Files.write(dir.resolve("index.json"), index.body());
        Files.write(dir.resolve("index.json.sig"), Base64.getDecoder().decode(sig));
        Files.write(dir.resolve("marketplace.der"), Base64.getDecoder().decode(key));
        List<String> verify = List.of("pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", "marketplace.der",
                "-rawin", "-in", "index.json", "-sigfile", "index.json.sig");
        assertEquals(0, run(verify.toArray(String[]::new)), "OpenSSL verifies the index signature");
        Files.write(dir.resolve("index.json"), (new String(index.body(), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
        assertNotEquals(0, run(verify.toArray(String[]::new)), "and refuses a changed index");
    }
}
