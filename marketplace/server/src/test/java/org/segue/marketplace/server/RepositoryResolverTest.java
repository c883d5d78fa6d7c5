package org.segue.marketplace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.osgi.repository.ResourcesRepository;
import aQute.bnd.osgi.repository.XMLResourceParser;
import aQute.bnd.osgi.resource.ResourceUtils;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * repository.xml read by bnd's own parser and matched by bnd's repository, the code Bndtools and
 * bnd resolve with: a plugin's package requirement finds the plugin that exports it.
 */
class RepositoryResolverTest {

    @TempDir
    Path data;

    MarketplaceServer server;

    @BeforeEach
    void start() throws Exception {
        server = MarketplaceServer.start(MarketplaceConfig.local(data));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void bndFindsProvidersOfEveryRequirementAmongThePublishedBundles() throws Exception {
        TestPublisher alice = new TestPublisher(server.uri(), "alice");
        assertEquals(201, alice.register().statusCode());
        byte[] shared = TestBundles.bundle("org.example.dsp", "1.4.0")
                .header("Export-Package", "org.example.dsp;version=\"1.4.0\"").jar();
        byte[] oldShared = TestBundles.bundle("org.example.dsp", "0.9.0")
                .header("Export-Package", "org.example.dsp;version=\"0.9.0\"").jar();
        byte[] effect = TestBundles.bundle("org.example.chorus", "1.0.0")
                .header("Import-Package", "org.example.dsp;version=\"[1.2,2)\",org.segue.api.effect;version=\"[1.0,2)\"")
                .header("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"").jar();
        assertEquals(201, alice.publish(oldShared, TestPublisher.metadata("DSP", "effect")).statusCode());
        assertEquals(201, alice.publish(shared, TestPublisher.metadata("DSP", "effect")).statusCode());
        assertEquals(201, alice.publish(effect, TestPublisher.metadata("Chorus", "effect")).statusCode());

        URI location = server.uri().resolve("repository.xml");
        byte[] xml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        List<Resource> resources = XMLResourceParser.getResources(new ByteArrayInputStream(xml), location);
        assertEquals(3, resources.size());
        ResourcesRepository repository = new ResourcesRepository(resources);

        Resource chorus = resources.stream().filter(r -> "org.example.chorus".equals(ResourceUtils.getIdentity(r))).findFirst().orElseThrow();
        Requirement dsp = chorus.getRequirements("osgi.wiring.package").stream()
                .filter(r -> r.getDirectives().get("filter").contains("org.example.dsp")).findFirst().orElseThrow();
        Map<Requirement, Collection<Capability>> providers = repository.findProviders(List.of(dsp));
        List<String> found = providers.get(dsp).stream()
                .map(c -> ResourceUtils.getIdentity(c.getResource()) + " " + ResourceUtils.getIdentityVersion(c.getResource()))
                .collect(Collectors.toList());
        assertEquals(List.of("org.example.dsp 1.4.0"), found, "the range [1.2,2) picks 1.4.0, not 0.9.0");

        ResourceUtils.ContentCapability content = ResourceUtils.getContentCapability(chorus);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(effect)), content.osgi_content());
        assertEquals(effect.length, content.size());
        assertEquals("application/vnd.osgi.bundle", content.mime());
        assertTrue(content.url().toString().startsWith(server.uri().toString()), content.url().toString());
        assertEquals(1, chorus.getRequirements("osgi.ee").size());
    }
}
