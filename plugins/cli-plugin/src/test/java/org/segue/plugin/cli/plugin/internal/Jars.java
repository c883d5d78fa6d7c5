package org.segue.plugin.cli.plugin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Bundle jars made in memory, with exactly the manifest and entries a test needs. */
final class Jars {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final java.util.List<String> duplicates = new java.util.ArrayList<>();
    private String manifestPadding = "";

    static Jars bundle(String bsn, String version) {
        Jars j = new Jars();
        j.headers.put("Manifest-Version", "1.0");
        j.headers.put("Bundle-ManifestVersion", "2");
        j.headers.put("Bundle-SymbolicName", bsn);
        j.headers.put("Bundle-Version", version);
        j.headers.put("Import-Package", "org.segue.api.effect;version=\"[1.0,2)\"");
        j.entries.put(bsn.replace('.', '/') + "/internal/Plugin.class", new byte[] {(byte) 0xca, (byte) 0xfe, 0, 0});
        return j;
    }

    Jars header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    Jars entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /** A second entry of the same name, written after the others. */
    Jars duplicate(String name) {
        duplicates.add(name);
        return this;
    }

    /** Pads the manifest with a header of {@code bytes} characters. */
    Jars manifestPadding(int bytes) {
        manifestPadding = "X-Padding: " + "p".repeat(bytes) + "\r\n";
        return this;
    }

    byte[] jar() {
        StringBuilder m = new StringBuilder();
        // Written by hand, not with java.util.jar.Manifest, so lines may be as hostile as a test wants.
        headers.forEach((k, v) -> m.append(k).append(": ").append(v).append("\r\n"));
        m.append(manifestPadding).append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(m.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jar = out.toByteArray();
        return duplicates.isEmpty() ? jar : withDuplicates(jar);
    }

    /** ZipOutputStream refuses duplicate names, so the central directory is edited after the fact. */
    private byte[] withDuplicates(byte[] jar) {
        // Rename an entry of the same length in place: "X" + name[1..] becomes name once more.
        String s = new String(jar, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String name : duplicates) {
            String stand = "Z" + name.substring(1);
            s = s.replace(stand, name);
        }
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
