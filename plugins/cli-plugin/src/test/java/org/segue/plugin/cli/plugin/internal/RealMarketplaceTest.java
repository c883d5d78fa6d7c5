package org.segue.plugin.cli.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.segue.marketplace.server.MarketplaceConfig;
import org.segue.marketplace.server.MarketplaceServer;

/**
 * The client against the real marketplace server, started in-process on loopback: publish with an
 * Ed25519 publisher key, then install, update, and the refusals that need no hostile server
 * (untrusted keys, a substituted blob, a downgrade, a system bundle's name).
 */
class RealMarketplaceTest {

    static final String BSN = "org.example.crusher";

    @TempDir
    Path temp;
    MarketplaceServer server;
    Publisher alice;
    Path plugins;
    FolderKernel kernel;

    @BeforeEach
    void start() throws Exception {
        server = MarketplaceServer.start(MarketplaceConfig.local(temp.resolve("market")));
        alice = new Publisher("alice");
        alice.register(server.uri());
        plugins = temp.resolve("home/plugins");
        Files.createDirectories(plugins);
        kernel = new FolderKernel(plugins);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    MarketplaceClient client(String... trusted) {
        return new MarketplaceClient(server.uri(), new Keys(List.of(trusted)), new Generations(temp.resolve("generations")),
                Clock.systemUTC(), Duration.ofSeconds(10));
    }

    PluginManager manager(MarketplaceClient client, String... trusted) {
        return new PluginManager(client, new Keys(List.of(trusted)), new JarInspector(JarInspector.Limits.defaults()),
                new Deployer(plugins, kernel, Duration.ofSeconds(3)), kernel, System.err);
    }

    List<String> pluginFiles() throws IOException {
        try (Stream<Path> s = Files.list(plugins)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void installsThenUpdatesAVerifiedPlugin() throws Exception {
        byte[] v1 = Jars.bundle(BSN, "1.0.0").jar();
        alice.publish(server.uri(), v1);
        MarketplaceClient client = client(server.keyFingerprint(), alice.fingerprint());
        PluginManager manager = manager(client, server.keyFingerprint(), alice.fingerprint());

        List<PluginManager.Verified> done = manager.install(client.index(), BSN, null);
        assertEquals(1, done.size());
        assertEquals(List.of(BSN + "-1.0.0.jar"), pluginFiles());
        assertTrue(java.util.Arrays.equals(v1, Files.readAllBytes(plugins.resolve(BSN + "-1.0.0.jar"))), "the signed bytes");

        alice.publish(server.uri(), Jars.bundle(BSN, "1.1.0").jar());
        manager.install(client.index(), BSN, null);
        assertEquals(List.of(BSN + "-1.1.0.jar"), pluginFiles(), "the old version is replaced, not kept beside");
        assertEquals(Version.parseVersion("1.1.0"), kernel.get().bySymbolicName(BSN).orElseThrow().version());

        // Installing what is installed changes nothing.
        assertEquals(List.of(), manager.install(client.index(), BSN, Version.parseVersion("1.1.0")));

        PluginException downgrade = assertThrows(PluginException.class,
                () -> manager.install(client.index(), BSN, Version.parseVersion("1.0.0")));
        assertTrue(downgrade.getMessage().contains("version downgrade"), downgrade.getMessage());
        assertEquals(List.of(BSN + "-1.1.0.jar"), pluginFiles());
    }

    @Test
    void refusesAPublisherTheUserDoesNotTrust() throws Exception {
        alice.publish(server.uri(), Jars.bundle(BSN, "1.0.0").jar());
        MarketplaceClient client = client(server.keyFingerprint());
        PluginException e = assertThrows(PluginException.class,
                () -> manager(client, server.keyFingerprint()).install(client.index(), BSN, null));
        assertTrue(e.getMessage().contains("unknown key") && e.getMessage().contains(alice.fingerprint()), e.getMessage());
        assertTrue(e.getMessage().contains("segue plugin trust alice"), "says how to trust: " + e.getMessage());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    void refusesAMarketplaceKeyTheUserDoesNotTrust() throws Exception {
        alice.publish(server.uri(), Jars.bundle(BSN, "1.0.0").jar());
        Publisher mallory = new Publisher("mallory");
        PluginException e = assertThrows(PluginException.class, () -> client(mallory.fingerprint(), alice.fingerprint()).index());
        assertTrue(e.getMessage().contains("which you do not trust"), e.getMessage());
        assertTrue(e.getMessage().contains(server.keyFingerprint()), e.getMessage());
    }

    @Test
    void refusesAnArtifactSubstitutedOnTheServer() throws Exception {
        byte[] jar = Jars.bundle(BSN, "1.0.0").jar();
        alice.publish(server.uri(), jar);
        // The marketplace (or whoever owns its disk) swaps the stored blob for another bundle of the same size.
        Path blob = temp.resolve("market/blobs/sha256").resolve(Keys.sha256Hex(jar).substring(0, 2)).resolve(Keys.sha256Hex(jar));
        assertTrue(Files.isRegularFile(blob), "blob layout as documented: " + blob);
        byte[] evil = jar.clone();
        evil[evil.length / 2] ^= 0x5a;
        Files.write(blob, evil);

        MarketplaceClient client = client(server.keyFingerprint(), alice.fingerprint());
        PluginException e = assertThrows(PluginException.class,
                () -> manager(client, server.keyFingerprint(), alice.fingerprint()).install(client.index(), BSN, null));
        assertTrue(e.getMessage().contains("tampered artifact"), e.getMessage());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    void aPluginMayNotTakeTheNameOfASystemBundle() throws Exception {
        alice.publish(server.uri(), Jars.bundle("org.segue.plugin.mix.engine", "9.0.0").jar());
        kernel.system("org.segue.plugin.mix.engine");
        MarketplaceClient client = client(server.keyFingerprint(), alice.fingerprint());
        PluginException e = assertThrows(PluginException.class, () -> manager(client, server.keyFingerprint(),
                alice.fingerprint()).install(client.index(), "org.segue.plugin.mix.engine", null));
        assertTrue(e.getMessage().contains("duplicate symbolic name"), e.getMessage());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    void installsADependencyFromTheIndexFirst() throws Exception {
        alice.publish(server.uri(), Jars.bundle("org.example.dsp", "2.0.0")
                .header("Export-Package", "org.example.dsp;version=\"2.0.0\"").jar());
        alice.publish(server.uri(), Jars.bundle(BSN, "1.0.0")
                .header("Import-Package", "org.segue.api.effect;version=\"[1.0,2)\",org.example.dsp;version=\"[2.0,3)\"").jar());
        MarketplaceClient client = client(server.keyFingerprint(), alice.fingerprint());
        List<PluginManager.Verified> done = manager(client, server.keyFingerprint(), alice.fingerprint())
                .install(client.index(), BSN, null);
        List<String> order = new ArrayList<>();
        done.forEach(v -> order.add(v.plugin().symbolicName()));
        assertEquals(List.of("org.example.dsp", BSN), order);
        assertEquals(List.of(BSN + "-1.0.0.jar", "org.example.dsp-2.0.0.jar"), pluginFiles());
    }

    @Test
    void refusesABundleWhoseImportsNothingExports() throws Exception {
        alice.publish(server.uri(), Jars.bundle(BSN, "1.0.0")
                .header("Import-Package", "org.segue.api.effect;version=\"[1.0,2)\",org.nowhere;version=\"[1,2)\"").jar());
        MarketplaceClient client = client(server.keyFingerprint(), alice.fingerprint());
        PluginException e = assertThrows(PluginException.class, () -> manager(client, server.keyFingerprint(),
                alice.fingerprint()).install(client.index(), BSN, null));
        assertTrue(e.getMessage().contains("org.nowhere [1.0.0,2.0.0)"), e.getMessage());
        assertFalse(Files.list(plugins).findAny().isPresent());
    }

    @Test
    void anUpdateThatFailsToStartRestoresThePreviousVersion() throws Exception {
        alice.publish(server.uri(), Jars.bundle(BSN, "1.0.0").jar());
        MarketplaceClient client = client(server.keyFingerprint(), alice.fingerprint());
        PluginManager manager = manager(client, server.keyFingerprint(), alice.fingerprint());
        manager.install(client.index(), BSN, null);
        byte[] before = Files.readAllBytes(plugins.resolve(BSN + "-1.0.0.jar"));

        alice.publish(server.uri(), Jars.bundle(BSN, "1.1.0").header("X-Test-Start", "fails").jar());
        PluginException e = assertThrows(PluginException.class, () -> manager.install(client.index(), BSN, null));
        assertTrue(e.getMessage().contains("failed to start") && e.getMessage().contains(BSN + "-1.0.0.jar restored"),
                e.getMessage());
        assertEquals(List.of(BSN + "-1.0.0.jar"), pluginFiles(), "the old jar back, no leftovers");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(plugins.resolve(BSN + "-1.0.0.jar"))));
    }
}
