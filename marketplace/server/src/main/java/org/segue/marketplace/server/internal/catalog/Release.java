package org.segue.marketplace.server.internal.catalog;

import java.time.Instant;
import org.segue.marketplace.server.internal.bundle.BundleHeaders;
import org.segue.marketplace.server.internal.bundle.OsgiVersion;

/**
 * One published version of a plugin.
 *
 * @param headers the bundle's own manifest headers (identity, imports, exports, capabilities)
 * @param release Base64 of the exact release document bytes the publisher signed
 * @param signature Base64 Ed25519 signature of those bytes by the publisher's key
 */
public record Release(BundleHeaders headers, String publisher, String sha256, long size, String release,
                      String signature, ReleaseMetadata metadata, Instant published, boolean yanked,
                      String yankReason, long downloads) {

    public String symbolicName() {
        return headers.name();
    }

    public OsgiVersion version() {
        return headers.osgiVersion();
    }

    Release withYank(boolean y, String reason) {
        return new Release(headers, publisher, sha256, size, release, signature, metadata, published, y,
                y ? reason : null, downloads);
    }

    Release withDownloads(long more) {
        return new Release(headers, publisher, sha256, size, release, signature, metadata, published, yanked,
                yankReason, downloads + more);
    }
}
