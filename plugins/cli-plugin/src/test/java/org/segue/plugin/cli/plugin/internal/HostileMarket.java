package org.segue.plugin.cli.plugin.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A compromised or hostile marketplace on loopback: it signs whatever index a test composes with a
 * key the client trusts, and serves whatever bytes the test names as artifacts. The real server
 * refuses such uploads; this one stands for a server (or mirror) that has been taken over, which
 * the client must survive on its own.
 */
final class HostileMarket implements AutoCloseable {

    final Publisher key;
    private final HttpServer http;
    private final Map<String, byte[]> files = new HashMap<>();
    private final ObjectNode index = Publisher.JSON.createObjectNode();
    private byte[] indexBytes;
    private String indexSignature;

    HostileMarket() throws Exception {
        key = new Publisher("marketplace");
        index.put("format", "segue-index/1");
        index.put("generation", 1);
        index.put("issued", Instant.now().toString());
        index.put("expires", Instant.now().plusSeconds(3600).toString());
        index.putArray("accounts");
        index.putArray("plugins");
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/index.json") ? indexBytes : files.get(path);
            if (path.equals("/index.json")) {
                exchange.getResponseHeaders().add("Segue-Signature", indexSignature);
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        http.start();
        files.put("/marketplace.pub", key.publicKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sign();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    void account(Publisher p) throws Exception {
        ObjectNode a = ((ArrayNode) index.get("accounts")).addObject();
        a.put("name", p.name);
        a.put("publicKey", p.publicKey());
        a.put("key", p.fingerprint());
        sign();
    }

    /**
     * Lists a version of {@code bsn} by {@code publisher} whose signed release describes {@code signedJar},
     * while {@code servedJar} is what the download returns; {@code signature} null leaves it unsigned.
     */
    void release(Publisher publisher, String bsn, String version, byte[] signedJar, byte[] servedJar, boolean signed)
            throws Exception {
        byte[] release = publisher.release(signedJar);
        ObjectNode plugin = null;
        for (var p : index.get("plugins")) {
            if (p.path("symbolicName").asText().equals(bsn)) {
                plugin = (ObjectNode) p;
            }
        }
        if (plugin == null) {
            plugin = ((ArrayNode) index.get("plugins")).addObject();
            plugin.put("symbolicName", bsn);
            plugin.put("publisher", publisher.name);
            plugin.put("name", bsn);
            plugin.put("summary", "test plugin");
            plugin.put("category", "effect");
            plugin.putArray("versions");
        }
        String path = "/download/" + bsn + "/" + version + "/plugin.jar";
        files.put(path, servedJar);
        ObjectNode v = ((ArrayNode) plugin.get("versions")).addObject();
        v.put("version", version);
        v.put("sha256", Keys.sha256Hex(signedJar));
        v.put("size", signedJar.length);
        v.put("url", uri().resolve(path).toString());
        v.put("yanked", false);
        v.put("release", Base64.getEncoder().encodeToString(release));
        if (signed) {
            v.put("signature", publisher.sign(release));
        }
        sign();
    }

    ObjectNode index() {
        return index;
    }

    /** Re-signs the index after a test changed it. */
    void sign() throws Exception {
        indexBytes = Publisher.JSON.writeValueAsBytes(index);
        indexSignature = key.sign(indexBytes);
    }

    /** Serves {@code bytes} as the index with the signature of the current one (a tampered index). */
    void tamperIndex(byte[] bytes) {
        indexBytes = bytes;
    }

    @Override
    public void close() {
        http.stop(0);
    }

    static String text(byte[] b) throws IOException {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
