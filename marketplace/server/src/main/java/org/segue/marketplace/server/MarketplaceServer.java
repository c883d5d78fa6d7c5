package org.segue.marketplace.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.segue.marketplace.server.internal.bundle.ApiRelease;
import org.segue.marketplace.server.internal.crypto.Ed25519;
import org.segue.marketplace.server.internal.http.Routes;
import org.segue.marketplace.server.internal.service.Marketplace;

/**
 * A running marketplace: the data folder opened (journal replayed, leftovers swept) and Jetty
 * serving it. {@link #close} stops taking requests, commits pending download counts and closes
 * the journal.
 */
public final class MarketplaceServer implements AutoCloseable {

    private static final long STOP_TIMEOUT_MS = 10_000;

    private final Marketplace market;
    private final Server jetty;
    private final GracefulHandler graceful;
    private final ServerConnector connector;
    private final ScheduledExecutorService flusher;

    private MarketplaceServer(Marketplace market, Server jetty, GracefulHandler graceful, ServerConnector connector,
                              ScheduledExecutorService flusher) {
        this.market = market;
        this.jetty = jetty;
        this.graceful = graceful;
        this.connector = connector;
        this.flusher = flusher;
    }

    public static MarketplaceServer start(MarketplaceConfig config) throws Exception {
        List<ApiRelease> apis = new ArrayList<>();
        for (Path jar : config.apiJars()) {
            apis.add(ApiRelease.fromJar(jar));
        }
        if (apis.isEmpty()) {
            ApiRelease.onClassPath(MarketplaceServer.class.getClassLoader()).ifPresent(apis::add);
        }
        Runnable beforeCommit = config.pauseBeforeCommit() ? MarketplaceServer::pauseForever : () -> { };
        Marketplace market = new Marketplace(config.dataDir(), apis, config.limits(), Clock.systemUTC(), beforeCommit);
        Server jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        // Room for the multipart envelope and the signed release document around the bundle.
        long maxRequest = config.maxUploadBytes() + 256 * 1024;
        GracefulHandler graceful = new GracefulHandler(Routes.context(market, config.publicUrl(), maxRequest));
        jetty.setHandler(graceful);
        jetty.setStopAtShutdown(false);
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "marketplace-download-counts");
            t.setDaemon(true);
            return t;
        });
        try {
            jetty.start();
        } catch (Exception e) {
            flusher.shutdownNow();
            market.close();
            throw e;
        }
        long every = config.downloadFlush().toMillis();
        flusher.scheduleWithFixedDelay(() -> {
            try {
                market.flushDownloads();
            } catch (Exception e) {
                System.err.println("marketplace: cannot commit download counts: " + e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new MarketplaceServer(market, jetty, graceful, connector, flusher);
    }

    private static void pauseForever() {
        System.out.println(MarketplaceConfig.PAUSED_LINE);
        System.out.flush();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the fault-injection pause");
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Fingerprint of the key that signs the index, for clients to pin. */
    public String keyFingerprint() {
        return Ed25519.fingerprint(market.key().publicKey());
    }

    @Override
    public void close() throws Exception {
        flusher.shutdownNow();
        try {
            // Requests in flight (a publish between its blob and its journal record) finish before
            // the store closes; new ones get 503. Only requests are awaited, not idle keep-alive
            // connections, which Jetty's own graceful stop would wait on.
            try {
                graceful.shutdown().get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                System.err.println("marketplace: requests still running after " + STOP_TIMEOUT_MS + " ms; stopping anyway");
            }
            jetty.stop();
        } finally {
            try {
                market.close();
            } catch (IOException e) {
                System.err.println("marketplace: closing the store failed: " + e);
            }
        }
    }
}
