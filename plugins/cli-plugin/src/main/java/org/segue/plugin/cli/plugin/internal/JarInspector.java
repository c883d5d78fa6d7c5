package org.segue.plugin.cli.plugin.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.osgi.framework.Version;

/**
 * Looks inside a downloaded jar before it may go near {@code plugins/}: it must be a bundle, named
 * and versioned as the index says, with no entry name that could escape a folder when unpacked, no
 * zip bomb and a manifest of sane size. The jar is read through its central directory, as the JVM
 * and Felix read it, and never extracted; sizes are counted on the bytes actually inflated, never
 * on the sizes the archive claims.
 */
final class JarInspector {

    /** What a checked bundle declares. */
    record BundleInfo(String symbolicName, Version version, List<Clauses> imports, List<Clauses> exports,
                      boolean fragment) {
    }

    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio, long ratioFloorBytes,
                  int maxManifestBytes) {
        static Limits defaults() {
            return new Limits(10_000, 64L << 20, 128L << 20, 100, 1L << 20, 64 * 1024);
        }
    }

    private final Limits limits;

    JarInspector(Limits limits) {
        this.limits = limits;
    }

    BundleInfo inspect(Path jar, String what, long compressedSize) {
        byte[] manifestBytes = null;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Set<String> names = new HashSet<>();
            long total = 0;
            int count = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++count > limits.maxEntries()) {
                    throw new PluginException(what + ": more than " + limits.maxEntries() + " entries: zip bomb, refused");
                }
                String name = entry.getName();
                checkName(what, name);
                if (!names.add(name)) {
                    throw new PluginException(what + ": entry " + printable(name) + " appears twice: refused");
                }
                boolean manifest = name.equalsIgnoreCase("META-INF/MANIFEST.MF");
                ByteArrayOutputStream kept = manifest ? new ByteArrayOutputStream() : null;
                long entryBytes = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        entryBytes += n;
                        total += n;
                        if (manifest && entryBytes > limits.maxManifestBytes()) {
                            throw new PluginException(what + ": its manifest is larger than " + limits.maxManifestBytes()
                                    + " bytes: refused");
                        }
                        if (entryBytes > limits.maxEntryBytes() || total > limits.maxTotalBytes()) {
                            throw new PluginException(what + ": inflates past " + (entryBytes > limits.maxEntryBytes()
                                    ? limits.maxEntryBytes() + " bytes in " + printable(name)
                                    : limits.maxTotalBytes() + " bytes in all") + ": zip bomb, refused");
                        }
                        if (total > limits.ratioFloorBytes() && total > limits.maxRatio() * Math.max(1, compressedSize)) {
                            throw new PluginException(what + ": inflates more than " + limits.maxRatio()
                                    + " times its size: zip bomb, refused");
                        }
                        if (kept != null) {
                            kept.write(buffer, 0, n);
                        }
                    }
                }
                if (kept != null) {
                    manifestBytes = kept.toByteArray();
                }
            }
        } catch (ZipException e) {
            throw new PluginException(what + ": not a jar (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new PluginException(what + ": cannot read the jar: " + e.getMessage(), e);
        }
        if (manifestBytes == null) {
            throw new PluginException(what + ": has no META-INF/MANIFEST.MF: not a bundle");
        }
        return bundleInfo(what, manifestBytes);
    }

    private static BundleInfo bundleInfo(String what, byte[] manifestBytes) {
        Attributes main;
        try {
            main = new Manifest(new ByteArrayInputStream(manifestBytes)).getMainAttributes();
        } catch (IOException | RuntimeException e) {
            throw new PluginException(what + ": malformed manifest: " + e.getMessage());
        }
        if (!"2".equals(trim(main.getValue("Bundle-ManifestVersion")))) {
            throw new PluginException(what + ": not an OSGi bundle (no Bundle-ManifestVersion: 2)");
        }
        List<Clauses> bsn = Clauses.parse(main.getValue("Bundle-SymbolicName"));
        if (bsn.size() != 1 || bsn.get(0).names().size() != 1) {
            throw new PluginException(what + ": Bundle-SymbolicName is missing or malformed");
        }
        Version version;
        try {
            version = Version.parseVersion(trim(main.getValue("Bundle-Version")));
        } catch (IllegalArgumentException e) {
            throw new PluginException(what + ": Bundle-Version is malformed: " + e.getMessage());
        }
        return new BundleInfo(bsn.get(0).names().get(0), version, Clauses.parse(main.getValue("Import-Package")),
                Clauses.parse(main.getValue("Export-Package")), main.getValue("Fragment-Host") != null);
    }

    /** Names that could land outside a folder when unpacked, or mean different files on different systems. */
    static void checkName(String what, String name) {
        boolean bad = name.isEmpty() || name.startsWith("/") || name.contains("\\")
                || (name.length() > 1 && name.charAt(1) == ':')
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        for (String segment : name.split("/")) {
            bad |= segment.equals("..");
        }
        if (bad) {
            throw new PluginException(what + ": entry name " + printable(name)
                    + " could escape the folder it is unpacked into (zip-slip): refused");
        }
    }

    private static String printable(String name) {
        StringBuilder s = new StringBuilder("\"");
        name.chars().limit(120).forEach(c -> s.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return s.append('"').toString();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
