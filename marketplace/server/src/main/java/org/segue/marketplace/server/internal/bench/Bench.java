package org.segue.marketplace.server.internal.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.segue.marketplace.server.internal.crypto.Ed25519;

/**
 * {@code segue-marketplace bench [--plugins N]}: the costs that matter to operators, measured over
 * real HTTP against a server in a temp folder: a signed publish (each one forces the journal and
 * the blob to disk), a search, an index rebuild and signature, and a restart that replays the
 * journal. Prints medians and 99th percentiles; no thresholds, numbers to compare between builds.
 *
 * @param start starts a server on a data folder and returns its base URI and a way to stop it
 */
public record Bench(Starter start) {

    /** Starts a server on a data folder. */
    @FunctionalInterface
    public interface Starter {
        Started apply(Path data) throws Exception;
    }

    /** A running server for the bench. */
    public record Started(URI uri, AutoCloseable stop) {
    }

    private static final String[] WORDS = {"echo", "reverb", "crusher", "tape", "stop", "filter", "delay",
        "chorus", "flanger", "phaser", "tempo", "key", "mood", "energy", "dance", "house", "techno", "disco"};

    public int run(int plugins, PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("segue-marketplace-bench");
        HttpClient http = HttpClient.newHttpClient();
        KeyPair keys = KeyPairGenerator.getInstance(Ed25519.ALGORITHM).generateKeyPair();
        String fingerprint = Ed25519.fingerprint(keys.getPublic());
        Random random = new Random(42);
        out.printf("segue-marketplace bench: %d plugins, data %s, %d cores%n", plugins, data,
                Runtime.getRuntime().availableProcessors());
        Started server = start.apply(data);
        long issued = System.currentTimeMillis();
        byte[] register = ("{\"format\":\"segue-register/1\",\"account\":\"bench\",\"publicKey\":\""
                + Ed25519.encode(keys.getPublic()) + "\",\"issued\":" + issued + "}").getBytes(StandardCharsets.UTF_8);
        expect(201, post(http, server.uri().resolve("api/v1/accounts"), "application/json", register,
                Ed25519.sign(keys.getPrivate(), register)));

        List<Long> publish = new ArrayList<>();
        for (int i = 0; i < plugins; i++) {
            String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
            byte[] jar = jar("org.bench.p" + i, random);
            byte[] release = ("{\"format\":\"segue-release/1\",\"account\":\"bench\",\"key\":\"" + fingerprint
                    + "\",\"issued\":" + (++issued) + ",\"sha256\":\"" + Ed25519.sha256Hex(jar) + "\",\"size\":" + jar.length
                    + ",\"metadata\":{\"name\":\"" + name + "\",\"summary\":\"bench plugin " + name
                    + "\",\"category\":\"effect\",\"license\":\"GPL-3.0-or-later\"}}").getBytes(StandardCharsets.UTF_8);
            String boundary = "bench" + i;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"release\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(release);
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"p.jar\"\r\n"
                    + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(jar);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            long t0 = System.nanoTime();
            expect(201, post(http, server.uri().resolve("api/v1/plugins"), "multipart/form-data; boundary=" + boundary,
                    body.toByteArray(), Ed25519.sign(keys.getPrivate(), release)));
            publish.add(System.nanoTime() - t0);
        }
        report(out, "publish (signed, verified, inspected, fsynced)", publish);

        List<Long> search = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String q = WORDS[random.nextInt(WORDS.length)].substring(0, 3);
            long t0 = System.nanoTime();
            expect(200, get(http, server.uri().resolve("api/v1/plugins?limit=20&q=" + q)));
            search.add(System.nanoTime() - t0);
        }
        report(out, "search (prefix word, 20 results)", search);

        List<Long> index = new ArrayList<>();
        long indexBytes = 0;
        for (int i = 0; i < 5; i++) {
            // A rating bumps the generation, so each fetch rebuilds and re-signs the index.
            byte[] rating = ("{\"format\":\"segue-rating/1\",\"account\":\"bench\",\"key\":\"" + fingerprint + "\",\"issued\":"
                    + (++issued) + ",\"plugin\":\"org.bench.p0\",\"stars\":" + (1 + i % 5) + "}").getBytes(StandardCharsets.UTF_8);
            expect(200, post(http, server.uri().resolve("api/v1/plugins/org.bench.p0/ratings"), "application/json", rating,
                    Ed25519.sign(keys.getPrivate(), rating)));
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = expect(200, get(http, server.uri().resolve("index.json")));
            index.add(System.nanoTime() - t0);
            indexBytes = r.body().length;
        }
        report(out, "index.json rebuild + sign (" + indexBytes / 1024 + " KiB)", index);

        server.stop().close();
        long t0 = System.nanoTime();
        server = start.apply(data);
        long restart = System.nanoTime() - t0;
        expect(200, get(http, server.uri().resolve("api/v1/plugins/org.bench.p" + (plugins - 1))));
        out.printf("  %-52s %9.1f ms (journal of %d records)%n", "restart (replay, sweep, reindex)", restart / 1e6, plugins + 6);
        server.stop().close();
        deleteTree(data);
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static byte[] jar(String bsn, Random random) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.segue.api.effect;version=\"[1.0,2)\",org.segue.api.audio;version=\"[1.0,2)\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            byte[] code = new byte[8 * 1024];
            random.nextBytes(code);
            jar.putNextEntry(new ZipEntry(bsn.replace('.', '/') + "/internal/Code.class"));
            jar.write(code);
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> post(HttpClient http, URI uri, String type, byte[] body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", type).header("Segue-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> expect(int status, HttpResponse<byte[]> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r;
    }

    private static void report(PrintStream out, String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        out.printf("  %-52s median %7.2f ms  p99 %7.2f ms  (n=%d)%n", what, median, p99, sorted.size());
    }
}
