package org.segue.itest;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * Builds real plugin bundles from this module's compiled test classes with bnd, the same tool
 * the project's bundles are built with: manifest and DS component XML come from the code.
 */
final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * Builds a bundle of one test package.
     *
     * @param pkg the simple package name under {@code org.segue.itest.plugins}
     * @param extra further bnd instructions, e.g. {@code Bundle-Activator}
     */
    static Path build(Path dir, String pkg, String version, Map<String, String> extra) throws Exception {
        String fullPackage = "org.segue.itest.plugins." + pkg;
        Path out = dir.resolve(pkg + "-" + version + ".jar");
        try (Builder b = new Builder()) {
            b.setProperty("Bundle-SymbolicName", fullPackage);
            b.setProperty("Bundle-Version", version);
            b.setProperty("-privatepackage", fullPackage);
            b.setProperty("-dsannotations", "*");
            b.setProperty("-metatypeannotations", "*");
            extra.forEach(b::setProperty);
            b.addClasspath(new File(System.getProperty("segue.testClasses", "target/test-classes")));
            b.addClasspath(codeSource(org.segue.api.command.Command.class));
            b.addClasspath(codeSource(org.osgi.framework.Bundle.class));
            b.addClasspath(codeSource(org.osgi.service.component.annotations.Component.class));
            b.addClasspath(codeSource(org.osgi.service.metatype.annotations.Designate.class));
            Jar jar = b.build();
            if (!b.getErrors().isEmpty()) {
                throw new IllegalStateException("bnd could not build " + fullPackage + ": " + b.getErrors());
            }
            Files.createDirectories(dir);
            jar.write(out.toFile());
        }
        return out;
    }

    /** Copies a jar into a watched folder atomically, as the plugins README tells users to. */
    static Path drop(Path jar, Path folder, String name) throws IOException {
        Path tmp = folder.resolve("." + name + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static File codeSource(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
