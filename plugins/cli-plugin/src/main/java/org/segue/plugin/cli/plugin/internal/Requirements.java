package org.segue.plugin.cli.plugin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Will the bundle resolve once installed? Each mandatory {@code Import-Package} must be exported,
 * in a version inside its range, by an installed bundle, by the bundle itself, or by a bundle of
 * the same install (a dependency taken from the index).
 *
 * <p>A package-range check, not the framework's {@code org.osgi.service.resolver.Resolver}: Felix
 * does register that service, but driving it needs a {@code ResolveContext} over a resource model
 * of jars that are not installed, for {@code uses} constraints and capabilities this client does
 * not act on yet. Imports of packages are what plugins of this project declare; what this check
 * misses, the kernel still reports after the start, and the install is rolled back.
 */
final class Requirements {

    private Requirements() {
    }

    /** The mandatory imports nothing offers, as "package range" strings; empty when all resolve. */
    static List<String> missing(JarInspector.BundleInfo bundle, List<Installed.Export> available) {
        List<String> missing = new ArrayList<>();
        for (Clauses clause : bundle.imports()) {
            Map<String, String> p = clause.parameters();
            if ("optional".equals(p.get("resolution:"))) {
                continue;
            }
            VersionRange range = range(p.get("version"));
            for (String pkg : clause.names()) {
                boolean found = available.stream().anyMatch(e -> e.packageName().equals(pkg) && range.includes(e.version()))
                        || exports(bundle).stream().anyMatch(e -> e.packageName().equals(pkg) && range.includes(e.version()));
                if (!found) {
                    missing.add(pkg + " " + range);
                }
            }
        }
        return missing;
    }

    static List<Installed.Export> exports(JarInspector.BundleInfo bundle) {
        return exports(bundle.exports());
    }

    static List<Installed.Export> exports(List<Clauses> header) {
        List<Installed.Export> exports = new ArrayList<>();
        for (Clauses clause : header) {
            String v = clause.parameters().getOrDefault("version", clause.parameters().get("specification-version"));
            Version version;
            try {
                version = v == null ? Version.emptyVersion : Version.parseVersion(v);
            } catch (IllegalArgumentException e) {
                version = Version.emptyVersion;
            }
            for (String n : clause.names()) {
                exports.add(new Installed.Export(n, version));
            }
        }
        return exports;
    }

    private static VersionRange range(String spec) {
        try {
            return new VersionRange(spec == null ? "0.0.0" : spec);
        } catch (IllegalArgumentException e) {
            throw new PluginException("malformed import version range " + spec);
        }
    }
}
