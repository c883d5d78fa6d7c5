package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The built bundle jar works on its own: loaded by a class loader that holds only the jar, the api
 * jar, Jackson (an import of the bundle) and this probe, with no Lucene jar anywhere, Lucene finds
 * its codecs through the services files embedded in the bundle and opens an index it wrote.
 */
class BundleSpiIT {

    private static final Path BUNDLE = Path.of(System.getProperty("segue.bundle", "target/bundle.jar"));

    @Test
    @SuppressWarnings("unchecked")
    void embeddedLuceneFindsItsCodecsInTheBundle() throws Exception {
        assertTrue(Files.isRegularFile(BUNDLE), "bundle not built: " + BUNDLE);
        URL[] urls = {
            BUNDLE.toUri().toURL(),
            location(org.segue.api.library.TrackLibrary.class),
            location(com.fasterxml.jackson.databind.ObjectMapper.class),
            location(com.fasterxml.jackson.core.JsonFactory.class),
            location(com.fasterxml.jackson.annotation.JsonProperty.class),
            location(SpiProbe.class), // test classes: the probe, no Lucene
        };
        try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = isolated.loadClass(SpiProbe.class.getName());
            Map<String, String> report = ((Callable<Map<String, String>>) probe.getConstructor().newInstance()).call();
            System.out.println("isolated bundle on Java " + Runtime.version().feature() + ": " + report);
            assertEquals("true", report.get("luceneLoader"));
            assertEquals(BUNDLE.toUri().toURL().toString(), report.get("luceneJar"));
            assertTrue(report.get("codecs").contains("Lucene912"), report.get("codecs"));
            assertTrue(report.get("vectorFormats").contains("Lucene99HnswVectorsFormat"), report.get("vectorFormats"));
            assertEquals("MMapDirectory", report.get("directory"));
            assertEquals("1", report.get("found"));
            assertEquals("spi", report.get("nearest"));
            assertEquals("Embedding[model=probe/1, dimension=4]", report.get("embedding"));
        }
    }

    @Test
    void luceneStaysPrivate() throws Exception {
        try (JarFile jar = new JarFile(BUNDLE.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertNull(main.getValue("Export-Package"));
            assertFalse(main.getValue("Import-Package").contains("org.apache.lucene"), main.getValue("Import-Package"));
            assertEquals("true", main.getValue("Multi-Release"));
            assertTrue(jar.getEntry("META-INF/services/org.apache.lucene.codecs.Codec") != null);
            assertTrue(jar.getEntry("META-INF/versions/21/org/apache/lucene/store/MemorySegmentIndexInputProvider.class") != null);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
