package org.segue.marketplace.server.internal.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One release of the Segue api bundle ({@code org.segue.api}): its version and the versions of
 * the packages it exports. A plugin is compatible with the release when every api package it
 * imports is exported in a version its import range accepts; that is what the OSGi resolver in
 * Segue will decide, so the marketplace computes it the same way instead of trusting a declaration.
 */
public record ApiRelease(OsgiVersion version, Map<String, OsgiVersion> packages) {

    public static final String API_BUNDLE = "org.segue.api";
    public static final String API_PACKAGE_PREFIX = "org.segue.api.";

    public ApiRelease {
        packages = java.util.Collections.unmodifiableMap(new TreeMap<>(packages));
    }

    /** The release described by an api bundle's manifest, or empty when it is another bundle. */
    public static Optional<ApiRelease> fromManifest(Attributes main) {
        String bsn = main.getValue("Bundle-SymbolicName");
        if (bsn == null || !API_BUNDLE.equals(HeaderParser.parse(bsn).get(0).paths().get(0))) {
            return Optional.empty();
        }
        Map<String, OsgiVersion> packages = new LinkedHashMap<>();
        for (Clause c : HeaderParser.parse(main.getValue("Export-Package"))) {
            String v = c.attribute("version");
            for (String p : c.paths()) {
                packages.put(p, v == null ? OsgiVersion.ZERO : OsgiVersion.parse(v));
            }
        }
        return Optional.of(new ApiRelease(OsgiVersion.parse(main.getValue("Bundle-Version")), packages));
    }

    /** The release in an api jar, for the {@code --api} option. */
    public static ApiRelease fromJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            if (m == null) {
                throw new IOException(jar + " has no manifest");
            }
            return fromManifest(m.getMainAttributes())
                    .orElseThrow(() -> new IOException(jar + " is not the " + API_BUNDLE + " bundle"));
        }
    }

    /** The api on this server's own class path: the release it was built with. */
    public static Optional<ApiRelease> onClassPath(ClassLoader loader) throws IOException {
        Enumeration<URL> manifests = loader.getResources(JarFile.MANIFEST_NAME);
        while (manifests.hasMoreElements()) {
            try (InputStream in = manifests.nextElement().openStream()) {
                Optional<ApiRelease> release = fromManifest(new Manifest(in).getMainAttributes());
                if (release.isPresent()) {
                    return release;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a bundle with these headers resolves its api imports against this release. A bundle
     * that imports no api package is compatible with every release; an optional import of a
     * package this release lacks does not stop it.
     */
    public boolean accepts(BundleHeaders bundle) {
        return accepts(bundle.imports());
    }

    public boolean accepts(List<Clause> imports) {
        for (Clause c : imports) {
            String range = c.attribute("version");
            VersionRange accepted = range == null ? VersionRange.ANY : VersionRange.parse(range);
            boolean optional = "optional".equals(c.directive("resolution"));
            for (String p : c.paths()) {
                if (!isApiPackage(p)) {
                    continue;
                }
                OsgiVersion exported = packages.get(p);
                if (exported == null ? !optional : !accepted.includes(exported)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The api packages a bundle imports, with their version ranges as written. */
    public static Map<String, String> apiImports(BundleHeaders bundle) {
        Map<String, String> out = new TreeMap<>();
        for (Clause c : bundle.imports()) {
            for (String p : c.paths()) {
                if (isApiPackage(p)) {
                    String range = c.attribute("version");
                    out.put(p, range == null ? VersionRange.ANY.toString() : VersionRange.parse(range).toString());
                }
            }
        }
        return out;
    }

    static boolean isApiPackage(String p) {
        return p.startsWith(API_PACKAGE_PREFIX) || p.equals("org.segue.api");
    }
}
