package org.segue.plugin.server.http.internal.jetty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The server's plain HTTP connector, made by Segue through Felix HTTP's {@link ConnectorFactory}
 * extension point rather than by Felix, for one setting Felix does not expose: the listening
 * socket's accept queue. Felix leaves it at the JDK's 50, and a thousand clients connecting at
 * once then overflow it: the kernel drops their handshakes, and some wait out several
 * retransmissions (seconds) before their first request is read.
 *
 * <p>Felix always opens a plain HTTP connector of its own, so Segue configures that one on an
 * ephemeral loopback port and removes it here, before adding this one on the address the user
 * asked for. Its TLS connector, when HTTPS is on, is Felix's and stays.
 *
 * <p>Loaded only in a serving process, after the Jetty bundle is installed: this package is the
 * only one in the bundle that names Jetty's classes, which the bundle imports dynamically.
 */
public final class SegueConnector implements ConnectorFactory {

    private final String host;
    private final int port;
    private final int acceptQueue;
    private final CompletableFuture<ServerConnector> made = new CompletableFuture<>();

    /**
     * @param acceptQueue the listen backlog asked of the kernel (which caps it at
     *        {@code net.core.somaxconn})
     */
    public SegueConnector(String host, int port, int acceptQueue) {
        this.host = host;
        this.port = port;
        this.acceptQueue = acceptQueue;
    }

    @Override
    public Connector createConnector(Server server) {
        for (Connector c : server.getConnectors()) {
            if (c instanceof ServerConnector felix && felix.getConnectionFactory(SslConnectionFactory.class) == null) {
                try {
                    felix.stop();
                } catch (Exception e) {
                    made.completeExceptionally(e);
                    throw new IllegalStateException("cannot stop Felix's loopback connector: " + e, e);
                }
                server.removeConnector(felix);
            }
        }
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(acceptQueue);
        made.complete(connector);
        return connector;
    }

    /**
     * The port the connector listens on, once Felix has added and started it.
     *
     * @throws TimeoutException when Jetty has not asked for the connector, or not opened it, in time
     */
    public int awaitPort(long timeoutMillis) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        ServerConnector connector;
        try {
            connector = made.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Segue's HTTP connector failed: " + e.getCause(), e.getCause());
        }
        while (System.nanoTime() < deadline) {
            int local = connector.getLocalPort();
            if (local > 0) {
                return local;
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("Jetty did not open " + host + ":" + port);
    }
}
