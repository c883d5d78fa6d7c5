package org.segue.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;

/**
 * The packages the framework exports from the launcher's class path.
 *
 * <p>Why these live on the class path rather than in bundles: the kernel itself calls
 * {@code Command} services (Segue api), lists component failures (Declarative Services runtime,
 * which uses promises) and prints the OSGi log. For a {@code Command} object made by a bundle to be
 * usable by the kernel, both must see the very same {@code Command} class, so the framework exports
 * it from the class path and bundles import it from the system bundle. The versions are taken from
 * each jar's own {@code Export-Package} header, so plugins still resolve against semantic versions.
 */
final class SharedApis {

    /** Bundle symbolic names of the class-path jars whose packages every bundle shares with the kernel. */
    static final Set<String> SYMBOLIC_NAMES = Set.of(
            "org.segue.api",
            "org.osgi.service.component",
            "org.osgi.service.log",
            "org.osgi.util.promise",
            "org.osgi.util.function");

    private SharedApis() {
    }

    /**
     * The value for {@code org.osgi.framework.system.packages.extra}.
     *
     * @throws IllegalStateException when one of the jars is missing from the class path
     */
    static String systemPackagesExtra(ClassLoader loader) {
        List<String> exports = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                Manifest manifest;
                try {
                    java.net.URLConnection connection = url.openConnection();
                    // A cached jar may have been closed by another reader in this JVM (build
                    // tools in tests); read each manifest afresh.
                    connection.setUseCaches(false);
                    try (InputStream in = connection.getInputStream()) {
                        manifest = new Manifest(in);
                    }
                } catch (IOException unreadable) {
                    continue; // not one of ours, or gone: the check below reports what is missing
                }
                String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                if (bsn == null) {
                    continue;
                }
                String name = bsn.split(";", 2)[0].trim();
                String export = manifest.getMainAttributes().getValue("Export-Package");
                if (SYMBOLIC_NAMES.contains(name) && export != null && !found.contains(name)) {
                    found.add(name);
                    exports.add(export);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's class path manifests", e);
        }
        if (found.size() != SYMBOLIC_NAMES.size()) {
            List<String> missing = new ArrayList<>(SYMBOLIC_NAMES);
            missing.removeAll(found);
            throw new IllegalStateException("the launcher's class path lacks " + missing
                    + "; lib/ of the installation is incomplete");
        }
        return String.join(",", exports);
    }
}
