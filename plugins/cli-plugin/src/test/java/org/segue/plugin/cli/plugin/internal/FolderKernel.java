package org.segue.plugin.cli.plugin.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * The kernel's hot deploy as the client observes it, for unit tests without a framework: every
 * {@code *.jar} of the folder not starting with a dot is a bundle, ACTIVE unless its manifest says
 * {@code X-Test-Start: fails} (then RESOLVED, as after an activator that threw). Plus the system
 * bundles a test declares. The real kernel is exercised by kernel/itest MarketplaceIT.
 */
final class FolderKernel implements Supplier<Installed> {

    private final Path folder;
    private final List<Installed.Entry> system = new ArrayList<>();

    FolderKernel(Path folder) {
        this.folder = folder;
        system.add(new Installed.Entry(0, "org.apache.felix.framework", Version.parseVersion("7.0.5"), Bundle.ACTIVE, null,
                List.of(new Installed.Export("org.segue.api.effect", Version.parseVersion("1.0.0")),
                        new Installed.Export("org.segue.api.audio", Version.parseVersion("1.0.0")))));
    }

    FolderKernel system(String bsn) {
        system.add(new Installed.Entry(system.size(), bsn, Version.parseVersion("0.1.0"), Bundle.ACTIVE, null, List.of()));
        return this;
    }

    @Override
    public Installed get() {
        List<Installed.Entry> all = new ArrayList<>(system);
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : jars) {
                if (jar.getFileName().toString().startsWith(".")) {
                    continue;
                }
                Manifest m;
                try (JarFile f = new JarFile(jar.toFile())) {
                    m = f.getManifest();
                }
                var a = m.getMainAttributes();
                int state = "fails".equals(a.getValue("X-Test-Start")) ? Bundle.RESOLVED : Bundle.ACTIVE;
                all.add(new Installed.Entry(100 + all.size(), a.getValue("Bundle-SymbolicName"),
                        Version.parseVersion(a.getValue("Bundle-Version")), state, jar.toAbsolutePath().normalize(),
                        Requirements.exports(Clauses.parse(a.getValue("Export-Package")))));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return new Installed(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Installed(all);
    }
}
