package org.segue.plugin.cli.plugin.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** A publisher with an Ed25519 key, speaking the marketplace's signed-document API over HTTP. */
final class Publisher {

    static final ObjectMapper JSON = new ObjectMapper();
    private static long lastIssued;

    final String name;
    final KeyPair keys;
    private final HttpClient http = HttpClient.newHttpClient();

    Publisher(String name) throws Exception {
        this.name = name;
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    String fingerprint() {
        return Keys.fingerprint(keys.getPublic());
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    static synchronized long issued() {
        lastIssued = Math.max(System.currentTimeMillis(), lastIssued + 1);
        return lastIssued;
    }

    String sign(byte[] data) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(data);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    /** The segue-release/1 document for {@code jar}. */
    byte[] release(byte[] jar) throws Exception {
        ObjectNode d = JSON.createObjectNode();
        d.put("format", "segue-release/1");
        d.put("account", name);
        d.put("key", fingerprint());
        d.put("issued", issued());
        d.put("sha256", Keys.sha256Hex(jar));
        d.put("size", jar.length);
        ObjectNode m = d.putObject("metadata");
        m.put("name", "Test effect " + name);
        m.put("summary", "A lo-fi effect made by a test");
        m.put("description", "Exercises the marketplace client.");
        m.put("category", "effect");
        m.put("license", "GPL-3.0-or-later");
        m.put("homepage", "https://example.org/test");
        return JSON.writeValueAsBytes(d);
    }

    void register(URI market) throws Exception {
        ObjectNode d = JSON.createObjectNode();
        d.put("format", "segue-register/1");
        d.put("account", name);
        d.put("publicKey", publicKey());
        d.put("issued", issued());
        byte[] body = JSON.writeValueAsBytes(d);
        expect2xx(http.send(HttpRequest.newBuilder(market.resolve("api/v1/accounts")).header("Segue-Signature", sign(body))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    void publish(URI market, byte[] jar) throws Exception {
        byte[] release = release(jar);
        String boundary = "segue-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "release", null, "application/json", release);
        part(body, boundary, "bundle", "plugin.jar", "application/java-archive", jar);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        expect2xx(http.send(HttpRequest.newBuilder(market.resolve("api/v1/plugins")).header("Segue-Signature", sign(release))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String filename, String type,
                             byte[] content) throws Exception {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void expect2xx(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError("marketplace answered " + r.statusCode() + ": " + r.body());
        }
    }
}
