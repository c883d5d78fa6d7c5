package org.segue.plugin.cli.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustFileTest {

    @TempDir
    Path conf;

    @Test
    void savesWhatConfigAdminAndTheCommandBothRead() throws Exception {
        Publisher alice = new Publisher("alice");
        Publisher market = new Publisher("market");
        TrustFile file = new TrustFile(conf);
        Map<String, String> trusted = new TreeMap<>(Map.of("marketplace", market.fingerprint(), "alice", alice.fingerprint()));
        file.save("http://127.0.0.1:8090/", trusted);

        assertEquals(conf.resolve("org.segue.plugin.marketplace.cfg"), file.path(), "the component's PID, for File Install");
        assertEquals("http://127.0.0.1:8090/", new TrustFile(conf).url());
        assertEquals(trusted, new TrustFile(conf).trusted());
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file.path())) {
            p.load(in);
        }
        Keys keys = new Keys(List.of(p.getProperty("trustedKeys")));
        assertTrue(keys.trusts(alice.keys.getPublic()) && keys.trusts(market.keys.getPublic()), p.toString());
        assertTrue(!new Keys(List.of(p.getProperty("trustedKeys"))).trusts(new Publisher("bob").keys.getPublic()));
        try (var files = Files.list(conf)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void keysMayBeBase64OrFingerprints() throws Exception {
        Publisher alice = new Publisher("alice");
        assertTrue(new Keys(List.of(alice.publicKey())).trusts(alice.keys.getPublic()));
        assertTrue(new Keys(List.of(alice.fingerprint().toUpperCase().replace("SHA256", "sha256"))).trusts(alice.keys.getPublic()));
    }

    @Test
    void optionsAreTakenOutOfTheArguments() {
        List<String> args = new ArrayList<>(List.of("search", "--category", "effect", "crush"));
        assertEquals("effect", PluginCommand.option(args, "--category"));
        assertEquals(List.of("search", "crush"), args);
    }
}
