package org.segue.marketplace.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.segue.marketplace.server.internal.bundle.UploadLimits;

/**
 * How a marketplace server runs.
 *
 * @param dataDir where the journal, blobs and the marketplace key live
 * @param host the address to listen on ({@code 127.0.0.1} by default: put a TLS proxy in front to serve others)
 * @param port the port, 0 for any free one
 * @param publicUrl the base URL clients use, for links in feeds; null to use each request's origin
 * @param apiJars api bundle jars ({@code segue-api-*.jar}) to compute compatibility against; empty
 *                for the api this server was built with
 * @param maxUploadBytes the largest bundle accepted
 * @param downloadFlush how often counted downloads are committed
 * @param pauseBeforeCommit fault injection for the crash test: a publish stops for good after its
 *                          blob is stored and before its journal record, and says so on stdout
 */
public record MarketplaceConfig(Path dataDir, String host, int port, String publicUrl, List<Path> apiJars,
                                long maxUploadBytes, Duration downloadFlush, boolean pauseBeforeCommit) {

    public static final String PAUSED_LINE = "segue-marketplace: paused before commit";

    public MarketplaceConfig {
        apiJars = List.copyOf(apiJars);
    }

    /** Loopback, any free port, default limits: what tests and a first try want. */
    public static MarketplaceConfig local(Path dataDir) {
        return new MarketplaceConfig(dataDir, "127.0.0.1", 0, null, List.of(),
                UploadLimits.defaults().maxUploadBytes(), Duration.ofSeconds(5), false);
    }

    public MarketplaceConfig withMaxUploadBytes(long bytes) {
        return new MarketplaceConfig(dataDir, host, port, publicUrl, apiJars, bytes, downloadFlush, pauseBeforeCommit);
    }

    public MarketplaceConfig withApiJars(List<Path> jars) {
        return new MarketplaceConfig(dataDir, host, port, publicUrl, jars, maxUploadBytes, downloadFlush, pauseBeforeCommit);
    }

    UploadLimits limits() {
        return UploadLimits.defaults().withMaxUploadBytes(maxUploadBytes);
    }
}
