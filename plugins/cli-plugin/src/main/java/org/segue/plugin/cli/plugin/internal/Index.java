package org.segue.plugin.cli.plugin.internal;

import java.security.PublicKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Version;

/**
 * A verified {@code segue-index/1}: only built by {@link MarketplaceClient} after the marketplace
 * signature and freshness were checked. Release documents inside are not yet verified: that is
 * done per artifact with the publisher's key ({@link Verifier}).
 */
record Index(long generation, String expires, Map<String, PublicKey> accounts, List<Plugin> plugins) {

    record Plugin(String symbolicName, String publisher, String name, String summary, String description,
                  String category, String license, String homepage, long downloads, List<Release> versions) {

        /** The newest version that is not yanked. */
        Optional<Release> latest() {
            return versions.stream().filter(r -> !r.yanked()).max(Comparator.comparing(Release::version));
        }

        Optional<Release> version(Version v) {
            return versions.stream().filter(r -> r.version().equals(v)).findFirst();
        }
    }

    /** One version as the index lists it; {@code release} is the publisher-signed document's exact bytes. */
    record Release(Version version, String sha256, long size, String url, boolean yanked,
                   Map<String, String> apiImports, byte[] release, String signature) {
    }

    Optional<Plugin> plugin(String symbolicName) {
        return plugins.stream().filter(p -> p.symbolicName().equals(symbolicName)).findFirst();
    }
}
