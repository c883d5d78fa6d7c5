package org.segue.plugin.cli.plugin.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * A snapshot of the running framework as the client needs it: each bundle's name, version, state,
 * the file of {@code plugins/} it came from (null for system bundles) and the packages it exports.
 * A snapshot, not live state, so that every check of one install sees the same world.
 */
record Installed(List<Entry> bundles) {

    record Export(String packageName, Version version) {
    }

    record Entry(long id, String symbolicName, Version version, int state, Path file, List<Export> exports) {
        boolean isPlugin() {
            return file != null;
        }
    }

    Optional<Entry> bySymbolicName(String bsn) {
        return bundles.stream().filter(b -> bsn.equals(b.symbolicName())).findFirst();
    }

    Optional<Entry> byFile(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return bundles.stream().filter(b -> f.equals(b.file())).findFirst();
    }

    /** Reads the framework; a bundle whose location is a file of {@code plugins} counts as a plugin. */
    static Installed of(BundleContext context, Path plugins) {
        Path folder = plugins.toAbsolutePath().normalize();
        List<Entry> entries = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            Path file = fileOf(b.getLocation(), folder);
            // The Export-Package header, as the resolver reads it; Felix writes the system bundle's
            // (framework and shared api packages) into its headers too.
            List<Export> exports = Requirements.exports(Clauses.parse(b.getHeaders("").get("Export-Package")));
            entries.add(new Entry(b.getBundleId(), b.getSymbolicName(), b.getVersion(), b.getState(), file, List.copyOf(exports)));
        }
        return new Installed(List.copyOf(entries));
    }

    /** The kernel installs a plugin under its file's URI (see the kernel's BundleLoader.location). */
    private static Path fileOf(String location, Path folder) {
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            Path p = Path.of(java.net.URI.create(location)).toAbsolutePath().normalize();
            return folder.equals(p.getParent()) ? p : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
