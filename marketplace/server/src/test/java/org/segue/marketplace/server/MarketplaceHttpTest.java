package org.segue.marketplace.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The marketplace over real HTTP on a loopback port: the journeys of a publisher and a user. */
class MarketplaceHttpTest {

    @TempDir
    Path data;

    MarketplaceServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = MarketplaceServer.start(MarketplaceConfig.local(data));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertEquals(200, r.statusCode(), () -> path + ": " + new String(r.body()));
        return TestPublisher.JSON.readTree(r.body());
    }

    static List<String> names(JsonNode search) {
        List<String> out = new ArrayList<>();
        search.path("results").forEach(n -> out.add(n.path("symbolicName").asText()));
        return out;
    }

    @Test
    void publishSearchDownloadRateAndSignedFeeds() throws Exception {
        TestPublisher alice = new TestPublisher(server.uri(), "alice");
        TestPublisher bob = new TestPublisher(server.uri(), "bob-dj");
        assertEquals(201, alice.register().statusCode());
        assertEquals(201, bob.register().statusCode());

        byte[] crusher = TestBundles.bundle("org.example.bitcrusher", "1.0.0")
                .header("Export-Package", "org.example.bitcrusher.spi;version=\"1.2.0\";uses:=\"org.segue.api.effect\"")
                .header("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))\"")
                .jar();
        HttpResponse<String> published = alice.publish(crusher, TestPublisher.metadata("Bit Crusher", "effect"));
        assertEquals(201, published.statusCode(), published.body());
        JsonNode p = TestPublisher.json(published);
        assertEquals("org.example.bitcrusher", p.path("symbolicName").asText());
        assertEquals("1.0.0", p.path("latest").asText());
        assertEquals("[1.0.0,2.0.0)", p.path("versions").get(0).path("apiImports").path("org.segue.api.effect").asText());
        // The api on the class path exports org.segue.api.effect 1.0.0, inside [1.0,2): compatible.
        assertTrue(p.path("compatibleApi").size() > 0, "computed compatibility: " + p);

        // Needs an api 2.x that does not exist: published, but compatible with nothing known.
        byte[] future = TestBundles.bundle("org.example.danceability", "0.3.0")
                .header("Import-Package", "org.segue.api.analysis;version=\"[2.0,3)\"").jar();
        HttpResponse<String> r2 = alice.publish(future, TestPublisher.metadata("Danceability", "analyzer"));
        assertEquals(201, r2.statusCode(), r2.body());
        assertEquals(0, TestPublisher.json(r2).path("compatibleApi").size());

        String api = p.path("compatibleApi").get(0).asText();
        assertEquals(List.of("org.example.bitcrusher"), names(getJson("api/v1/plugins?q=crusher")));
        assertEquals(List.of("org.example.bitcrusher"), names(getJson("api/v1/plugins?q=bit%20crush")), "last word is a prefix");
        assertEquals(List.of("org.example.danceability"), names(getJson("api/v1/plugins?category=analyzer")));
        assertEquals(List.of("org.example.bitcrusher"), names(getJson("api/v1/plugins?api=" + api)));
        assertEquals(List.of(), names(getJson("api/v1/plugins?q=crusher&category=analyzer")));
        assertEquals(2, names(getJson("api/v1/plugins")).size());

        String url = p.path("versions").get(0).path("url").asText();
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(crusher, download.body());
        assertEquals(1, getJson("api/v1/plugins/org.example.bitcrusher").path("downloads").asLong());

        assertEquals(200, bob.rate("org.example.bitcrusher", 4, "crunchy").statusCode());
        assertEquals(200, bob.rate("org.example.bitcrusher", 2, "too crunchy after all").statusCode());
        HttpResponse<String> rated = alice.rate("org.example.bitcrusher", 5, "<script>alert(1)</script>");
        assertEquals(200, rated.statusCode(), rated.body());
        JsonNode detail = getJson("api/v1/plugins/org.example.bitcrusher");
        assertEquals(2, detail.path("rating").path("count").asInt(), "one rating per account: bob's second replaced his first");
        assertEquals(3.5, detail.path("rating").path("average").asDouble(), 1e-9);
        assertEquals(400, bob.rate("org.example.bitcrusher", 6, "").statusCode());

        checkSignedIndex(crusher);
        checkRepository(crusher);

        String page = new String(get("").body());
        assertTrue(page.contains("Bit Crusher") && page.contains("Danceability"), page);
        String pluginPage = new String(get("plugins/org.example.bitcrusher").body());
        assertTrue(pluginPage.contains("1.0.0") && pluginPage.contains("too crunchy after all"), pluginPage);
        assertFalse(pluginPage.contains("<script>"), "reviews are escaped");
        assertTrue(pluginPage.contains("&lt;script&gt;"));
        assertEquals(404, get("plugins/org.example.nothing").statusCode());
    }

    private void checkSignedIndex(byte[] crusher) throws Exception {
        HttpResponse<byte[]> index = get("index.json");
        assertEquals(200, index.statusCode());
        String keyText = new String(get("marketplace.pub").body()).trim();
        PublicKey marketKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(keyText)));
        String detached = new String(get("index.json.sig").body()).trim();
        assertTrue(verify(marketKey, index.body(), detached), "the detached signature verifies the index bytes");
        assertTrue(verify(marketKey, index.body(), index.headers().firstValue("Segue-Signature").orElseThrow()));
        byte[] altered = index.body().clone();
        altered[altered.length / 2] ^= 1;
        assertFalse(verify(marketKey, altered, detached), "one flipped bit breaks it");

        JsonNode idx = TestPublisher.JSON.readTree(index.body());
        assertEquals("segue-index/1", idx.path("format").asText());
        assertTrue(idx.path("generation").asLong() > 0);
        JsonNode plugin = StreamSupport.stream(idx.path("plugins").spliterator(), false)
                .filter(n -> n.path("symbolicName").asText().equals("org.example.bitcrusher")).findFirst().orElseThrow();
        JsonNode v = plugin.path("versions").get(0);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(crusher)), v.path("sha256").asText());
        // End to end: the publisher's own signature, checked with the publisher key the index lists.
        JsonNode account = StreamSupport.stream(idx.path("accounts").spliterator(), false)
                .filter(n -> n.path("name").asText().equals(plugin.path("publisher").asText())).findFirst().orElseThrow();
        PublicKey publisherKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(account.path("publicKey").asText())));
        byte[] release = Base64.getDecoder().decode(v.path("release").asText());
        assertTrue(verify(publisherKey, release, v.path("signature").asText()));
        assertEquals(v.path("sha256").asText(), TestPublisher.JSON.readTree(release).path("sha256").asText());
    }

    private void checkRepository(byte[] crusher) throws Exception {
        HttpResponse<byte[]> xml = get("repository.xml");
        assertEquals(200, xml.statusCode());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.body()));
        String ns = "http://www.osgi.org/xmlns/repository/v1.0.0";
        assertEquals(ns, doc.getDocumentElement().getNamespaceURI());
        assertEquals("repository", doc.getDocumentElement().getLocalName());
        NodeList resources = doc.getElementsByTagNameNS(ns, "resource");
        assertEquals(2, resources.getLength());
        Element crusherResource = null;
        for (int i = 0; i < resources.getLength(); i++) {
            Element r = (Element) resources.item(i);
            if ("org.example.bitcrusher".equals(attr(ns, r, "capability", "osgi.identity", "osgi.identity"))) {
                crusherResource = r;
            }
        }
        assertTrue(crusherResource != null);
        assertEquals("1.0.0", attr(ns, crusherResource, "capability", "osgi.identity", "version"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(crusher)),
                attr(ns, crusherResource, "capability", "osgi.content", "osgi.content"));
        assertEquals(Integer.toString(crusher.length), attr(ns, crusherResource, "capability", "osgi.content", "size"));
        assertEquals("application/vnd.osgi.bundle", attr(ns, crusherResource, "capability", "osgi.content", "mime"));
        String url = attr(ns, crusherResource, "capability", "osgi.content", "url");
        assertArrayEquals(crusher, http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        assertEquals("org.example.bitcrusher.spi", attr(ns, crusherResource, "capability", "osgi.wiring.package", "osgi.wiring.package"));
        assertEquals("1.2.0", attr(ns, crusherResource, "capability", "osgi.wiring.package", "version"));
        List<String> filters = new ArrayList<>();
        NodeList reqs = crusherResource.getElementsByTagNameNS(ns, "requirement");
        for (int i = 0; i < reqs.getLength(); i++) {
            Element req = (Element) reqs.item(i);
            NodeList dirs = req.getElementsByTagNameNS(ns, "directive");
            for (int j = 0; j < dirs.getLength(); j++) {
                Element d = (Element) dirs.item(j);
                if (d.getAttribute("name").equals("filter")) {
                    filters.add(req.getAttribute("namespace") + " " + d.getAttribute("value"));
                }
            }
        }
        assertTrue(filters.contains("osgi.wiring.package (&(osgi.wiring.package=org.segue.api.effect)(&(version>=1.0.0)(!(version>=2.0.0))))"), filters.toString());
        assertTrue(filters.contains("osgi.extender (&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))"), filters.toString());
    }

    /** The value of attribute {@code name} of the first {@code element} in {@code namespace} of a resource. */
    private static String attr(String ns, Element resource, String element, String namespace, String name) {
        NodeList caps = resource.getElementsByTagNameNS(ns, element);
        for (int i = 0; i < caps.getLength(); i++) {
            Element c = (Element) caps.item(i);
            if (c.getAttribute("namespace").equals(namespace)) {
                NodeList attrs = c.getElementsByTagNameNS(ns, "attribute");
                for (int j = 0; j < attrs.getLength(); j++) {
                    Element a = (Element) attrs.item(j);
                    if (a.getAttribute("name").equals(name)) {
                        return a.getAttribute("value");
                    }
                }
            }
        }
        return null;
    }

    static boolean verify(PublicKey key, byte[] data, String signature) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(data);
        return s.verify(Base64.getDecoder().decode(signature.trim()));
    }

    @Test
    void yankedVersionsLeaveSearchAndRepositoryButStayDownloadable() throws Exception {
        TestPublisher alice = new TestPublisher(server.uri(), "alice");
        TestPublisher bob = new TestPublisher(server.uri(), "bob");
        alice.register();
        bob.register();
        String bsn = "org.example.tapestop";
        assertEquals(201, alice.publish(TestBundles.bundle(bsn, "1.0.0").jar(), TestPublisher.metadata("Tape Stop", "effect")).statusCode());
        assertEquals(201, alice.publish(TestBundles.bundle(bsn, "1.1.0").jar(), TestPublisher.metadata("Tape Stop", "effect")).statusCode());
        assertEquals(403, bob.yank(bsn, "1.1.0", true).statusCode(), "only the owner yanks");

        HttpResponse<String> yanked = alice.yank(bsn, "1.1.0", true);
        assertEquals(200, yanked.statusCode(), yanked.body());
        JsonNode detail = getJson("api/v1/plugins/" + bsn);
        assertEquals("1.0.0", detail.path("latest").asText());
        assertTrue(detail.path("versions").get(0).path("yanked").asBoolean());
        String xml = new String(get("repository.xml").body());
        assertFalse(xml.contains("value=\"1.1.0\""), "a yanked version is not offered to resolvers");
        assertTrue(xml.contains("value=\"1.0.0\""));
        assertEquals(200, get("download/" + bsn + "/1.1.0/x.jar").statusCode(), "pinned installs still get it");

        assertEquals(200, alice.yank(bsn, "1.0.0", true).statusCode());
        assertEquals(List.of(), names(getJson("api/v1/plugins?q=tape")), "nothing left to install");
        assertEquals(200, alice.yank(bsn, "1.1.0", false).statusCode());
        assertEquals(List.of(bsn), names(getJson("api/v1/plugins?q=tape")));
        assertEquals("1.1.0", getJson("api/v1/plugins/" + bsn).path("latest").asText());
        assertEquals(404, alice.yank(bsn, "9.9.9", true).statusCode());
    }

    @Test
    void everythingCommittedSurvivesARestart() throws Exception {
        TestPublisher alice = new TestPublisher(server.uri(), "alice");
        alice.register();
        byte[] jar = TestBundles.bundle("org.example.reverb", "2.0.0").jar();
        assertEquals(201, alice.publish(jar, TestPublisher.metadata("Reverb", "effect")).statusCode());
        alice.rate("org.example.reverb", 4, "wet");
        get("download/org.example.reverb/2.0.0/r.jar");
        get("download/org.example.reverb/2.0.0/r.jar");
        String key = server.keyFingerprint();
        long generation = TestPublisher.JSON.readTree(get("index.json").body()).path("generation").asLong();
        server.close();

        server = MarketplaceServer.start(MarketplaceConfig.local(data));
        assertEquals(key, server.keyFingerprint(), "the index key is kept: clients pinned it");
        JsonNode detail = getJson("api/v1/plugins/org.example.reverb");
        assertEquals("2.0.0", detail.path("latest").asText());
        assertEquals(2, detail.path("downloads").asLong(), "counts were committed on close");
        assertEquals(1, detail.path("rating").path("count").asInt());
        assertEquals(List.of("org.example.reverb"), names(getJson("api/v1/plugins?q=reverb")), "search is rebuilt");
        assertArrayEquals(jar, get("download/org.example.reverb/2.0.0/r.jar").body());
        assertTrue(TestPublisher.JSON.readTree(get("index.json").body()).path("generation").asLong() > generation);
        TestPublisher again = new TestPublisher(server.uri(), "alice", alice.keys);
        assertEquals(201, again.publish(TestBundles.bundle("org.example.reverb", "2.1.0").jar(),
                TestPublisher.metadata("Reverb", "effect")).statusCode(), "the account and ownership are back");
    }
}
