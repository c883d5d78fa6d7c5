package org.segue.plugin.server.http.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Starts and stops Jetty (Apache Felix HTTP, the OSGi Servlet Whiteboard) for {@code segue serve}.
 *
 * <p>Why the HTTP bundles are installed here and not at boot: the Felix Jetty bundle starts
 * listening (on 8080) the moment it starts unless a framework property says otherwise, and every
 * {@code segue} command boots the same kernel. Kept in {@code bundles/server/}, which the kernel
 * does not load, they cost the other commands nothing (no port, no start-up time) and exist only
 * in a serving process. Their framework cache is the process's own, so nothing outlives it.
 *
 * <p>Jetty is told to wait for its configuration ({@code org.apache.felix.http.require.config}),
 * then gets it through Config Admin (PID {@code org.apache.felix.http}): host, port, no server
 * header. The property is a JVM system property because the framework properties are the kernel's
 * and Felix falls back to system properties; this process serves and does nothing else.
 */
final class HttpRuntime {

    static final String FELIX_HTTP_PID = "org.apache.felix.http";
    private static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final String ENDPOINT = "osgi.http.endpoint";

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final List<Bundle> started = new ArrayList<>();
    private org.osgi.framework.ServiceRegistration<?> connectorRegistration;
    private Configuration configuration;
    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private java.util.logging.Logger spiFlyLog;

    HttpRuntime(BundleContext context, ConfigurationAdmin configAdmin) {
        this.context = context;
        this.configAdmin = configAdmin;
    }

    /** The folder of the server's bundles in an installation. */
    static Path bundleFolder(BundleContext context) {
        String home = context.getProperty("segue.home");
        if (home == null) {
            throw new IllegalStateException("the framework property segue.home is not set; is this a Segue kernel?");
        }
        return Path.of(home, "bundles", "server");
    }

    /** Where Jetty listens: the HTTP address, and the HTTPS one or {@code null}. */
    record Endpoints(URI http, URI https) {
    }

    /**
     * Installs and starts the HTTP bundles and Jetty on {@code host:port}, and on
     * {@code host:tls.port} with TLS when {@code tls} is given.
     *
     * @return the addresses Jetty listens on (with the real ports when a port is 0)
     * @throws IOException when the keystore cannot be opened with its password or holds no key,
     *         naming the file, before anything is started
     */
    Endpoints start(Path bundles, String host, int port, int acceptQueue, ServeOptions.Tls tls, boolean verbose,
            Duration timeout) throws IOException, BundleException, InterruptedException {
        if (tls != null) {
            checkKeystore(tls);
        }
        System.setProperty("org.apache.felix.http.require.config", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        // SPI Fly reports every provider it registers through java.util.logging at INFO.
        spiFlyLog = java.util.logging.Logger.getLogger("org.apache.aries.spifly");
        spiFlyLog.setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);

        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(bundles)) {
            throw new IOException("the server's bundles are missing: " + bundles + " does not exist");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(bundles, "*.jar")) {
            files.forEach(jars::add);
        }
        jars.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            String location = jar.toUri().toString();
            Bundle b = context.getBundle(location);
            installed.add(b != null ? b : context.installBundle(location));
        }
        // SPI Fly first: it weaves SLF4J's ServiceLoader calls, so it must be active before SLF4J loads.
        installed.sort(Comparator.comparingInt(b -> b.getSymbolicName().startsWith("org.apache.aries.spifly") ? 0
                : b.getSymbolicName().startsWith("org.apache.felix.http.jetty") ? 2 : 1));
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE) {
                b.start();
                started.add(b);
            }
        }
        configuration = configAdmin.getConfiguration(FELIX_HTTP_PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("org.apache.felix.http.enable", "true");
        props.put("org.apache.felix.https.enable", Boolean.toString(tls != null));
        if (tls != null) {
            props.put("org.osgi.service.http.port.secure", Integer.toString(tls.port()));
            props.put("org.apache.felix.https.keystore", tls.keystore().toString());
            props.put("org.apache.felix.https.keystore.type", "PKCS12");
            props.put("org.apache.felix.https.keystore.password", new String(tls.password()));
            props.put("org.apache.felix.https.keystore.key.password", new String(tls.password()));
            // TLS 1.2 and 1.3 only: the JDK still offers nothing older by default, but say it here.
            props.put("org.apache.felix.https.jetty.protocols.included", new String[] {"TLSv1.3", "TLSv1.2"});
            // HTTP/2 where the client offers it through ALPN (every browser does), else HTTP/1.1.
            props.put("org.apache.felix.http2.enable", "true");
            props.put("org.apache.felix.jetty.alpn.protocols", new String[] {"h2", "http/1.1"});
            props.put("org.apache.felix.jetty.alpn.defaultProtocol", "http/1.1");
        }
        // Felix's own plain connector goes on an ephemeral loopback port and is replaced by Segue's
        // (see SegueConnector: Felix cannot size the accept queue). TLS stays Felix's, on host.
        props.put("org.apache.felix.http.host", tls != null ? host : "127.0.0.1");
        props.put("org.osgi.service.http.port", "0");
        props.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        props.put("org.apache.felix.http.name", "segue");
        // Only now, with every bundle started: Felix HTTP waits for this configuration
        // (require.config), so Jetty starts on Config Admin's thread while this one merely polls,
        // instead of racing the bundle starts above for the framework's locks.
        configuration.update(props);
        long deadline = System.nanoTime() + timeout.toNanos();
        Endpoints felix = awaitEndpoints(tls != null, timeout);
        return new Endpoints(plainConnector(host, port, acceptQueue, deadline), felix.https());
    }

    /**
     * Adds Segue's plain HTTP connector (Jetty has started) and waits for its port. Registered as a
     * Felix {@code ConnectorFactory} service; the class is named by string so that this class never
     * links against Jetty, which only exists once the server's bundles are installed.
     */
    private URI plainConnector(String host, int port, int acceptQueue, long deadline) throws InterruptedException {
        var connector = new org.segue.plugin.server.http.internal.jetty.SegueConnector(host, port, acceptQueue);
        connectorRegistration = context.registerService("org.apache.felix.http.jetty.ConnectorFactory", connector, null);
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try {
            int bound = connector.awaitPort(left);
            String h = host.contains(":") ? "[" + host + "]" : host;
            return URI.create("http://" + h + ":" + bound + "/");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Jetty did not start listening on " + host + ":" + port
                    + "; is the port taken? (segue --verbose serve shows Jetty's log)", e);
        }
    }

    /** Opens the keystore as Jetty will, so a wrong password or file fails here, by name. */
    static void checkKeystore(ServeOptions.Tls tls) throws IOException {
        java.security.KeyStore store;
        try {
            store = java.security.KeyStore.getInstance(tls.keystore().toFile(), tls.password());
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException("keystore " + tls.keystore() + " does not exist", e);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IOException("cannot open keystore " + tls.keystore() + " (is it PKCS#12, and is "
                    + ServeOptions.KEYSTORE_PASSWORD + " its password?): " + e.getMessage(), e);
        }
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return;
                }
            }
        } catch (java.security.KeyStoreException e) {
            throw new IOException("cannot read keystore " + tls.keystore() + ": " + e.getMessage(), e);
        }
        throw new IOException("keystore " + tls.keystore() + " holds no private key; HTTPS needs the server's "
                + "key and certificate chain");
    }

    private Endpoints awaitEndpoints(boolean https, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            URI plain = null;
            URI secure = null;
            for (String endpoint : endpoints()) {
                URI uri = URI.create(endpoint);
                if (uri.getPort() > 0) {
                    if ("https".equalsIgnoreCase(uri.getScheme())) {
                        secure = uri;
                    } else {
                        plain = uri;
                    }
                }
            }
            if (plain != null && (secure != null || !https)) {
                return new Endpoints(plain, secure);
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("Jetty did not start listening within " + timeout.toSeconds()
                + " s; is the port taken? (segue --verbose serve shows Jetty's log)");
    }

    private List<String> endpoints() {
        List<String> out = new ArrayList<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(RUNTIME, null);
            if (refs == null) {
                return out;
            }
            for (ServiceReference<?> ref : refs) {
                Object v = ref.getProperty(ENDPOINT);
                if (v instanceof String s) {
                    out.add(s);
                } else if (v instanceof String[] a) {
                    out.addAll(List.of(a));
                } else if (v instanceof Collection<?> c) {
                    c.forEach(e -> out.add(String.valueOf(e)));
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Stops Jetty and the bundles started here; the port is closed when this returns. */
    void stop() {
        if (connectorRegistration != null) {
            try {
                connectorRegistration.unregister();
            } catch (IllegalStateException ignored) {
                // already gone with the framework
            }
            connectorRegistration = null;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (BundleException | IllegalStateException e) {
                // the framework is stopping anyway; the kernel reports bundles that fail to stop
            }
        }
        started.clear();
        if (configuration != null) {
            try {
                configuration.delete();
            } catch (IOException | IllegalStateException ignored) {
                // Config Admin is gone: so is its state, which lives in this process's cache
            }
        }
    }
}
