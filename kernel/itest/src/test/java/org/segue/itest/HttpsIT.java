package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code segue serve --https-port 0 --keystore server.p12} over real TLS: a key pair made by the
 * JDK's keytool for 127.0.0.1, the password in {@code SEGUE_KEYSTORE_PASSWORD}, and a client that
 * trusts only that certificate and checks the host name. A wrong password stops the server before
 * it listens, with the keystore named.
 */
class HttpsIT {

    private static final Pattern HTTP = Pattern.compile("Segue server listening on (http://\\S+)");
    private static final Pattern HTTPS = Pattern.compile("Segue server listening on (https://\\S+)");
    private static final String PASSWORD = "keystore-secret-42";

    @TempDir
    Path work;

    private Path keystore() throws Exception {
        Path store = work.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD, "-alias", "segue",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool: " + out);
        return store;
    }

    @Test
    void servesTheApiOverTlsWithTheGivenKeystore() throws Exception {
        Path store = keystore();
        Process server = SegueProcess.start(KernelFixture.DIST, work,
                Map.of("SEGUE_KEYSTORE_PASSWORD", PASSWORD, "XDG_CACHE_HOME", work.resolve("cache").toString()),
                "serve", "--host", "0.0.0.0", "--port", "0", "--https-port", "0", "--keystore", store.toString(),
                "--data", work.resolve("data").toString());
        try {
            URI[] endpoints = awaitEndpoints(server);
            // Listening on every interface; the certificate is for 127.0.0.1.
            URI https = URI.create("https://127.0.0.1:" + endpoints[1].getPort());
            URI http = URI.create("http://127.0.0.1:" + endpoints[0].getPort());
            KeyStore trust = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(https.resolve("/api/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
            SSLSession session = health.sslSession().orElseThrow();
            assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(session.getProtocol()), session.getProtocol());
            assertEquals(HttpClient.Version.HTTP_2, health.version(), "HTTP/2, agreed through ALPN");
            HttpResponse<String> oldClient = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build().send(HttpRequest.newBuilder(https.resolve("/api/health"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, oldClient.statusCode(), oldClient.body());
            assertEquals(HttpClient.Version.HTTP_1_1, oldClient.version(), "a client without HTTP/2 still gets HTTP/1.1");
            assertEquals("max-age=31536000", health.headers().firstValue("Strict-Transport-Security").orElse(null),
                    "browsers are told to stay on HTTPS");

            // This machine keeps plain HTTP (a TLS-terminating proxy on loopback, local scripts)...
            HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> local = plain.send(HttpRequest.newBuilder(http.resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, local.statusCode(), local.body());
            // ...other machines are sent to HTTPS. Reaching ourselves through a non-loopback address
            // of this machine makes us such a machine; a host with loopback only cannot show it.
            java.net.InetAddress lan = nonLoopbackAddress();
            if (lan != null) {
                String host = lan.getHostAddress();
                URI remote = URI.create("http://" + host + ":" + endpoints[0].getPort() + "/api/tracks?q=house");
                HttpResponse<String> redirected = plain.send(HttpRequest.newBuilder(remote).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(308, redirected.statusCode(), redirected.body());
                assertEquals("https://" + host + ":" + endpoints[1].getPort() + "/api/tracks?q=house",
                        redirected.headers().firstValue("Location").orElse(null));
                HttpResponse<String> login = plain.send(HttpRequest.newBuilder(remote.resolve("/api/auth/login"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, login.statusCode(), login.body());
                assertTrue(login.body().contains("over HTTPS only"), login.body());
            } else {
                System.out.println("HttpsIT: this host has no non-loopback IPv4 address; the redirect is shown by PlainHttpFilterTest only");
            }

            // A client that trusts only the JDK's public authorities refuses the self-signed server.
            HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Exception refused = null;
            try {
                stranger.send(HttpRequest.newBuilder(https.resolve("/api/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                refused = e;
            }
            assertTrue(refused != null, "an untrusted certificate must fail the handshake");
        } finally {
            server.toHandle().destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aWrongKeystorePasswordStopsTheServerNamingTheFile() throws Exception {
        Path store = keystore();
        SegueProcess.Result r = SegueProcess.run(KernelFixture.DIST, work,
                Map.of("SEGUE_KEYSTORE_PASSWORD", "not-the-password"), "serve", "--port", "0", "--https-port", "0",
                "--keystore", store.toString(), "--data", work.resolve("data").toString());
        assertNotEquals(0, r.code(), r.out());
        assertTrue(r.err().contains("cannot open keystore " + store), r.err());
        assertTrue(!r.out().contains("listening"), r.out());
    }

    private static java.net.InetAddress nonLoopbackAddress() throws java.net.SocketException {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The HTTP and HTTPS addresses the server printed. */
    private static URI[] awaitEndpoints(Process server) throws Exception {
        ProcessOutput output = ProcessOutput.follow(server);
        try {
            return new URI[] {URI.create(output.await(HTTP, Duration.ofSeconds(90)).group(1)),
                    URI.create(output.await(HTTPS, Duration.ofSeconds(10)).group(1))};
        } catch (AssertionError e) {
            server.destroyForcibly();
            throw e;
        }
    }
}
