package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import aQute.bnd.osgi.Jar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.testkit.Signals;
import org.segue.marketplace.server.MarketplaceConfig;
import org.segue.marketplace.server.MarketplaceServer;

/**
 * The end-to-end test: the real marketplace on loopback, a publisher with an Ed25519 key
 * publishes the reverb-wash sample; the built distribution, with its own home, trusts the
 * marketplace and the publisher, installs the plugin with {@code segue plugin install} and mixes
 * with its DJ style; the publisher ships 0.2.0 (the same jar with a bumped Bundle-Version),
 * {@code segue plugin update} takes it, {@code segue plugin remove} removes it. Plugins whose
 * activator throws or hangs are refused at start and rolled back, leaving {@code plugins/} as it was.
 */
class MarketplaceIT {

    static final String BSN = "org.segue.sample.style.reverbwash";
    static final String STYLE = "sample.style.reverbwash/1";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void installUseUpdateAndRemoveAPluginFromTheMarketplace() throws Exception {
        try (MarketplaceServer market = MarketplaceServer.start(MarketplaceConfig.local(work.resolve("market")))) {
            Publisher alice = new Publisher(market.uri(), "alice");
            alice.register();
            byte[] v1 = Files.readAllBytes(SamplePluginsIT.sampleJar("style-reverb-wash"));
            alice.publish(v1, "Reverb wash", "style");

            Path segue = SamplePluginsIT.copyOfTheDistribution(work.resolve("segue"));
            SegueProcess.Result trust = segue(segue, "plugin", "trust", "marketplace", market.keyFingerprint(),
                    "--url", market.uri().toString());
            assertEquals(0, trust.code(), trust.err());
            assertEquals(0, segue(segue, "plugin", "trust", "alice", alice.fingerprint()).code());

            SegueProcess.Result search = segue(segue, "plugin", "search", "reverb", "--category", "style");
            assertEquals(0, search.code(), search.err());
            assertTrue(search.out().contains(BSN), search.out());
            assertFalse(search.out().contains("not for this Segue"), "its api imports match this Segue: " + search.out());
            SegueProcess.Result info = segue(segue, "plugin", "info", BSN);
            assertTrue(info.out().contains("publisher: alice " + alice.fingerprint() + " (trusted)"), info.out());

            SegueProcess.Result install = segue(segue, "plugin", "install", BSN);
            assertEquals(0, install.code(), install.out() + install.err());
            assertTrue(install.out().contains("installed " + BSN + " 0.1.0.SNAPSHOT (active)"), install.out());
            assertEquals(List.of(BSN + "-0.1.0.SNAPSHOT.jar"), jars(segue));

            SegueProcess.Result list = segue(segue, "plugin", "list");
            assertTrue(list.out().lines().anyMatch(l -> l.contains(BSN) && l.contains("active")), list.out());

            // Used in a mix: the style from the marketplace plans the transition.
            Path a = AnalyzeCommandIT.writeWav(work.resolve("a.wav"), Signals.mix(Signals.clicks(44100, 30, 124, 4, 0.5),
                    Signals.chord(44100, 30, 0.3, 57, 60, 64)).stereo());
            Path b = AnalyzeCommandIT.writeWav(work.resolve("b.wav"), Signals.mix(Signals.clicks(44100, 30, 126, 4, 0.5),
                    Signals.chord(44100, 30, 0.3, 64, 67, 71)).stereo());
            SegueProcess.Result mix = segue(segue, "mix", a.toString(), b.toString(), "-o", "mix.wav", "--style", STYLE,
                    "--save-plan", "plan.json");
            assertEquals(0, mix.code(), mix.err());
            JsonNode transition = JSON.readTree(work.resolve("plan.json").toFile()).get("transitions").get(0);
            assertEquals(STYLE, transition.get("styleId").asText(), transition.toString());
            assertTrue(Files.size(work.resolve("mix.wav")) > 44100 * 4 * 20, "a mix was rendered");

            // An update: the same plugin with a bumped Bundle-Version, rebuilt with bnd.
            byte[] v2 = withVersion(v1, "0.2.0");
            alice.publish(v2, "Reverb wash", "style");
            SegueProcess.Result update = segue(segue, "plugin", "update");
            assertEquals(0, update.code(), update.out() + update.err());
            assertTrue(update.out().contains("updated " + BSN + " 0.1.0.SNAPSHOT -> 0.2.0"), update.out());
            assertEquals(List.of(BSN + "-0.2.0.jar"), jars(segue));
            SegueProcess.Result plugins = segue(segue, "plugins");
            assertTrue(plugins.out().lines().anyMatch(l -> l.contains(BSN) && l.contains("0.2.0") && l.contains("ACTIVE")),
                    plugins.out());
            SegueProcess.Result again = segue(segue, "plugin", "update");
            assertTrue(again.out().contains("everything is up to date"), again.out());

            SegueProcess.Result remove = segue(segue, "plugin", "remove", BSN);
            assertEquals(0, remove.code(), remove.out() + remove.err());
            assertEquals(List.of(), jars(segue));
            assertFalse(segue(segue, "plugins").out().contains(BSN), "gone from the kernel");
            SegueProcess.Result after = segue(segue, "mix", a.toString(), b.toString(), "-o", "mix2.wav", "--style", STYLE);
            assertEquals(0, after.code(), after.err());
            assertTrue(after.out().contains(STYLE + " is not installed"), "the style is gone with its plugin: " + after.out());
        }
    }

    @Test
    void pluginsThatFailToStartAreRolledBack() throws Exception {
        try (MarketplaceServer market = MarketplaceServer.start(MarketplaceConfig.local(work.resolve("market")))) {
            Publisher alice = new Publisher(market.uri(), "alice");
            alice.register();
            Path build = work.resolve("build");
            alice.publish(Files.readAllBytes(TestPlugins.build(build, "activator", "1.0.0",
                    Map.of("Bundle-Activator", "org.segue.itest.plugins.activator.ThrowingActivator"))), "Throws", "effect");
            alice.publish(Files.readAllBytes(TestPlugins.build(build, "hanging", "1.0.0",
                    Map.of("Bundle-Activator", "org.segue.itest.plugins.hanging.HangingActivator"))), "Hangs", "effect");

            Path segue = SamplePluginsIT.copyOfTheDistribution(work.resolve("segue"));
            segue(segue, "plugin", "trust", "marketplace", market.keyFingerprint(), "--url", market.uri().toString());
            segue(segue, "plugin", "trust", "alice", alice.fingerprint());

            SegueProcess.Result throwing = segue(segue, "plugin", "install", "org.segue.itest.plugins.activator");
            assertEquals(1, throwing.code(), throwing.out() + throwing.err());
            assertTrue(throwing.err().contains("failed to start: its activator threw")
                    && throwing.err().contains("rolled back, nothing installed"), throwing.err());
            assertEquals(List.of(), jars(segue));

            SegueProcess.Result hanging = segue(segue, "plugin", "install", "org.segue.itest.plugins.hanging");
            assertEquals(1, hanging.code(), hanging.out() + hanging.err());
            assertTrue(hanging.err().contains("hangs") && hanging.err().contains("rolled back, nothing installed"),
                    hanging.err());
            assertEquals(List.of(), jars(segue));
            SegueProcess.Result plugins = segue(segue, "plugins");
            assertFalse(plugins.out().contains("org.segue.itest.plugins"), plugins.out());
        }
    }

    private SegueProcess.Result segue(Path home, String... args) throws Exception {
        long start = System.nanoTime();
        SegueProcess.Result r = SegueProcess.run(home, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()), args);
        // Reported, not asserted: how long each step takes a user, JVM boot included.
        System.out.printf("MarketplaceIT: segue %s -> %d in %d ms%n", String.join(" ", args).replace(work.toString(), "~"),
                r.code(), (System.nanoTime() - start) / 1_000_000);
        return r;
    }

    private static List<String> jars(Path segue) throws Exception {
        try (Stream<Path> files = Files.list(segue.resolve("plugins"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }

    /** The jar with another Bundle-Version, everything else as built. */
    private byte[] withVersion(byte[] original, String version) throws Exception {
        Path in = Files.write(work.resolve("in.jar"), original);
        try (Jar jar = new Jar(in.toFile())) {
            Manifest m = jar.getManifest();
            m.getMainAttributes().putValue("Bundle-Version", version);
            jar.setManifest(m);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            jar.write(out);
            return out.toByteArray();
        }
    }

    /** A publisher: an Ed25519 key and the marketplace's signed documents (see marketplace/README.md). */
    static final class Publisher {
        private static long lastIssued;
        private final URI base;
        private final String name;
        private final KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        private final HttpClient http = HttpClient.newHttpClient();

        Publisher(URI base, String name) throws Exception {
            this.base = base;
            this.name = name;
        }

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

        void register() throws Exception {
            ObjectNode d = JSON.createObjectNode().put("format", "segue-register/1").put("account", name)
                    .put("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())).put("issued", issued());
            byte[] body = JSON.writeValueAsBytes(d);
            send(HttpRequest.newBuilder(base.resolve("api/v1/accounts")).header("Segue-Signature", sign(body))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        void publish(byte[] jar, String title, String category) throws Exception {
            ObjectNode d = JSON.createObjectNode().put("format", "segue-release/1").put("account", name)
                    .put("key", fingerprint()).put("issued", issued())
                    .put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)))
                    .put("size", jar.length);
            d.putObject("metadata").put("name", title).put("summary", title + " for the end-to-end test")
                    .put("description", "Published by MarketplaceIT.").put("category", category)
                    .put("license", "GPL-3.0-or-later").put("homepage", "https://example.org/" + category);
            byte[] release = JSON.writeValueAsBytes(d);
            String boundary = "segue-it-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "release", null, "application/json", release);
            part(body, boundary, "bundle", "plugin.jar", "application/java-archive", jar);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            send(HttpRequest.newBuilder(base.resolve("api/v1/plugins")).header("Segue-Signature", sign(release))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private static void part(ByteArrayOutputStream body, String boundary, String name, String filename, String type,
                                 byte[] content) throws Exception {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        private void send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(2, r.statusCode() / 100, "marketplace answered " + r.statusCode() + ": " + r.body());
        }
    }
}
