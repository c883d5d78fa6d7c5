package org.segue.plugin.cli.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile case of the issue that the real server would refuse at upload, served instead by a
 * compromised marketplace the user trusts: the client must refuse each with a message naming the
 * problem, and leave {@code plugins/} empty.
 */
class HostileInputTest {

    static final String BSN = "org.example.crusher";

    @TempDir
    Path temp;
    HostileMarket market;
    Publisher alice;
    Path plugins;

    @BeforeEach
    void start() throws Exception {
        market = new HostileMarket();
        alice = new Publisher("alice");
        market.account(alice);
        plugins = temp.resolve("plugins");
        Files.createDirectories(plugins);
    }

    @AfterEach
    void stop() {
        market.close();
    }

    MarketplaceClient client() {
        return new MarketplaceClient(market.uri(), new Keys(List.of(market.key.fingerprint(), alice.fingerprint())),
                new Generations(temp.resolve("generations")), Clock.systemUTC(), Duration.ofSeconds(10));
    }

    /** Installs BSN and returns the refusal, after checking nothing reached plugins/. */
    String refusal() throws Exception {
        MarketplaceClient client = client();
        FolderKernel kernel = new FolderKernel(plugins);
        PluginManager manager = new PluginManager(client, new Keys(List.of(market.key.fingerprint(), alice.fingerprint())),
                new JarInspector(JarInspector.Limits.defaults()), new Deployer(plugins, kernel, Duration.ofSeconds(2)),
                kernel, System.err);
        PluginException e = assertThrows(PluginException.class, () -> manager.install(client.index(), BSN, null));
        try (Stream<Path> files = Files.list(plugins)) {
            assertEquals(List.of(), files.toList(), "nothing written into plugins/ for: " + e.getMessage());
        }
        return e.getMessage();
    }

    void offer(byte[] jar) throws Exception {
        market.release(alice, BSN, "1.0.0", jar, jar, true);
    }

    @Test
    void unsignedRelease() throws Exception {
        byte[] jar = Jars.bundle(BSN, "1.0.0").jar();
        market.release(alice, BSN, "1.0.0", jar, jar, false);
        assertTrue(refusal().contains("unsigned"));
    }

    @Test
    void releaseSignedByAnotherKey() throws Exception {
        Publisher mallory = new Publisher("alice"); // same account name, different key
        byte[] jar = Jars.bundle(BSN, "1.0.0").jar();
        market.release(mallory, BSN, "1.0.0", jar, jar, true);
        String m = refusal();
        assertTrue(m.contains("does not verify with alice's key"), m);
    }

    @Test
    void tamperedArtifact() throws Exception {
        byte[] jar = Jars.bundle(BSN, "1.0.0").jar();
        byte[] other = Jars.bundle(BSN, "1.0.0").entry("evil/Payload.class", new byte[] {1, 2, 3}).jar();
        market.release(alice, BSN, "1.0.0", jar, other, true);
        String m = refusal();
        assertTrue(m.contains("tampered artifact"), m);
    }

    @Test
    void publisherUnknownToTheIndex() throws Exception {
        Publisher bob = new Publisher("bob");
        byte[] jar = Jars.bundle(BSN, "1.0.0").jar();
        market.release(bob, BSN, "1.0.0", jar, jar, true);
        String m = refusal();
        assertTrue(m.contains("unknown key"), m);
    }

    @Test
    void zipSlip() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").entry("../../../home/user/.bashrc", new byte[] {'x'}).jar());
        String m = refusal();
        assertTrue(m.contains("zip-slip") && m.contains("../../../home/user/.bashrc"), m);
    }

    @Test
    void zipSlipWithBackslashesOrAbsolutePaths() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").entry("/etc/cron.d/evil", new byte[] {'x'}).jar());
        assertTrue(refusal().contains("zip-slip"));
    }

    @Test
    void zipBomb() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").entry("data/zeros.bin", new byte[8 << 20]).jar());
        String m = refusal();
        assertTrue(m.contains("zip bomb"), m);
    }

    @Test
    void oversizedManifest() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").manifestPadding(70 * 1024).jar());
        String m = refusal();
        assertTrue(m.contains("manifest is larger than 65536 bytes"), m);
    }

    @Test
    void duplicateEntries() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").entry("Zrg/example/A.class", new byte[] {1}).entry("org/example/A.class", new byte[] {2})
                .duplicate("org/example/A.class").jar());
        String m = refusal();
        assertTrue(m.contains("appears twice"), m);
    }

    @Test
    void forgedSymbolicName() throws Exception {
        // Listed (and signed) as org.example.crusher, but the bundle says it is someone else's plugin.
        offer(Jars.bundle("org.example.trusted.tool", "1.0.0").jar());
        String m = refusal();
        assertTrue(m.contains("forged symbolic name") && m.contains("org.example.trusted.tool"), m);
    }

    @Test
    void notABundle() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").header("Bundle-ManifestVersion", null).jar());
        assertTrue(refusal().contains("not an OSGi bundle"));
    }

    @Test
    void notAJar() throws Exception {
        offer("this is not a zip file at all".getBytes());
        assertTrue(refusal().contains("not a jar"));
    }

    @Test
    void indexSignatureBroken() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").jar());
        market.tamperIndex(HostileMarket.text(Publisher.JSON.writeValueAsBytes(market.index())).replace("\"generation\":1",
                "\"generation\":2").getBytes());
        String m = refusal();
        assertTrue(m.contains("is not signed by the marketplace key"), m);
    }

    @Test
    void expiredIndexIsAFreeze() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").jar());
        market.index().put("expires", Instant.now().minusSeconds(60).toString());
        market.sign();
        String m = refusal();
        assertTrue(m.contains("expired"), m);
    }

    @Test
    void olderGenerationIsARollback() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").jar());
        market.index().put("generation", 7);
        market.sign();
        client().index();
        market.index().put("generation", 6);
        market.sign();
        String m = refusal();
        assertTrue(m.contains("rolled-back"), m);
    }

    @Test
    void aBundleThatFailsToStartIsRolledBack() throws Exception {
        offer(Jars.bundle(BSN, "1.0.0").header("X-Test-Start", "fails").jar());
        String m = refusal();
        assertTrue(m.contains("failed to start") && m.contains("rolled back, nothing installed"), m);
    }
}
