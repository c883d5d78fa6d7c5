package org.segue.marketplace.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A publisher as a client would be: an Ed25519 key pair and the signed documents of the
 * marketplace API, sent over real HTTP. What a {@code segue plugin publish} client will do.
 */
final class TestPublisher {

    static final ObjectMapper JSON = new ObjectMapper();
    private static long lastIssued;

    final String name;
    final KeyPair keys;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    TestPublisher(URI base, String name) throws Exception {
        this(base, name, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    }

    TestPublisher(URI base, String name, KeyPair keys) {
        this.base = base;
        this.name = name;
        this.keys = keys;
    }

    /** Strictly increasing across every publisher of the test run, as the server demands per account. */
    static synchronized long issued() {
        lastIssued = Math.max(System.currentTimeMillis(), lastIssued + 1);
        return lastIssued;
    }

    String fingerprint() throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded()));
    }

    String sign(byte[] data) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(data);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    ObjectNode doc(String format) throws Exception {
        ObjectNode d = JSON.createObjectNode();
        d.put("format", format);
        d.put("account", name);
        d.put("key", fingerprint());
        d.put("issued", issued());
        return d;
    }

    HttpResponse<String> register() throws Exception {
        ObjectNode d = doc("segue-register/1");
        d.remove("key");
        d.put("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        return postSigned("api/v1/accounts", JSON.writeValueAsBytes(d));
    }

    static ObjectNode metadata(String name, String category) {
        ObjectNode m = JSON.createObjectNode();
        m.put("name", name);
        m.put("summary", "A " + category + " for tests: " + name);
        m.put("description", "Made by a test to exercise the marketplace.");
        m.put("category", category);
        m.put("license", "GPL-3.0-or-later");
        m.put("homepage", "https://example.org/" + name.toLowerCase().replace(' ', '-'));
        return m;
    }

    /** The signed release document for {@code jar}. */
    byte[] release(byte[] jar, ObjectNode metadata) throws Exception {
        ObjectNode d = doc("segue-release/1");
        d.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)));
        d.put("size", jar.length);
        d.set("metadata", metadata);
        return JSON.writeValueAsBytes(d);
    }

    HttpResponse<String> publish(byte[] jar, ObjectNode metadata) throws Exception {
        byte[] release = release(jar, metadata);
        return publishRaw(release, sign(release), jar);
    }

    /** A multipart/form-data publish body. */
    record Multipart(String contentType, byte[] body) {
    }

    static Multipart multipart(byte[] release, byte[] jar) throws IOException {
        String boundary = "segue-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (release != null) {
            part(body, boundary, "release", null, "application/json", release);
        }
        if (jar != null) {
            part(body, boundary, "bundle", "plugin.jar", "application/java-archive", jar);
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** Sends exactly these parts; null leaves a part or the signature out. */
    HttpResponse<String> publishRaw(byte[] release, String signature, byte[] jar) throws Exception {
        Multipart m = multipart(release, jar);
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve("api/v1/plugins"))
                .header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        if (signature != null) {
            req.header("Segue-Signature", signature);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String filename, String type,
                             byte[] content) throws IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.US_ASCII));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    HttpResponse<String> yank(String bsn, String version, boolean yanked) throws Exception {
        ObjectNode d = doc("segue-yank/1");
        d.put("plugin", bsn);
        d.put("version", version);
        d.put("yanked", yanked);
        d.put("reason", "test");
        return postSigned("api/v1/plugins/" + bsn + "/versions/" + version + "/yank", JSON.writeValueAsBytes(d));
    }

    HttpResponse<String> rate(String bsn, int stars, String review) throws Exception {
        ObjectNode d = doc("segue-rating/1");
        d.put("plugin", bsn);
        d.put("stars", stars);
        d.put("review", review);
        return postSigned("api/v1/plugins/" + bsn + "/ratings", JSON.writeValueAsBytes(d));
    }

    HttpResponse<String> postSigned(String path, byte[] document) throws Exception {
        return postSigned(path, document, sign(document));
    }

    HttpResponse<String> postSigned(String path, byte[] document, String signature) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document));
        if (signature != null) {
            req.header("Segue-Signature", signature);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
