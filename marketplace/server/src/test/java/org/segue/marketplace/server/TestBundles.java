package org.segue.marketplace.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Builds small bundle jars in memory, with exactly the manifest a test needs. */
final class TestBundles {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static TestBundles bundle(String symbolicName, String version) {
        TestBundles b = new TestBundles();
        b.header("Bundle-ManifestVersion", "2");
        b.header("Bundle-SymbolicName", symbolicName);
        b.header("Bundle-Version", version);
        b.header("Import-Package", "org.segue.api.effect;version=\"[1.0,2)\",org.segue.api.audio;version=\"[1.0,2)\"");
        b.entry(symbolicName.replace('.', '/') + "/internal/Plugin.class", new byte[] {(byte) 0xca, (byte) 0xfe, 0, 0});
        return b;
    }

    TestBundles header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    TestBundles entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    byte[] jar() {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
