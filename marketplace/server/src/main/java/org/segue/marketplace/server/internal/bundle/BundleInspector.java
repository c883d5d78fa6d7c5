package org.segue.marketplace.server.internal.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.segue.marketplace.server.internal.Rejection;

/**
 * Opens an uploaded jar the way a hostile one must be opened: every entry is inflated once with
 * counted bytes, so bombs, hostile names and oversized manifests are caught before the jar is
 * stored, and nothing is ever extracted to disk.
 *
 * <p>The central directory is what the JVM and Felix read, so it is what is checked
 * ({@link ZipFile}); duplicate names are refused because tools disagree on which one wins.
 */
public final class BundleInspector {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final UploadLimits limits;

    public BundleInspector(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * Checks the jar at {@code jar} and returns its bundle headers.
     *
     * @throws Rejection naming the first problem found
     */
    public BundleHeaders inspect(Path jar) throws Rejection {
        long fileSize;
        try {
            fileSize = Files.size(jar);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the upload's temp file " + jar, e);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            byte[] manifest = null;
            Set<String> names = new HashSet<>();
            long total = 0;
            int count = 0;
            byte[] buffer = new byte[16 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > limits.maxEntries()) {
                    throw bomb("more than " + limits.maxEntries() + " entries");
                }
                String name = entry.getName();
                checkName(name);
                if (!names.add(name)) {
                    throw Rejection.badRequest("bad-zip", "duplicate entry '" + printable(name) + "'");
                }
                boolean isManifest = MANIFEST.equalsIgnoreCase(name);
                ByteArrayOutputStream manifestBytes = isManifest ? new ByteArrayOutputStream() : null;
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        if (isManifest && inflated > limits.maxManifestBytes()) {
                            throw Rejection.badRequest("manifest-too-large", MANIFEST + " is larger than "
                                    + limits.maxManifestBytes() + " bytes");
                        }
                        checkSizes(name, inflated, entry.getCompressedSize(), total, fileSize);
                        if (isManifest) {
                            manifestBytes.write(buffer, 0, n);
                        }
                    }
                }
                if (isManifest) {
                    manifest = manifestBytes.toByteArray();
                }
            }
            if (manifest == null) {
                throw Rejection.badRequest("not-a-bundle", "not an OSGi bundle: the jar has no " + MANIFEST);
            }
            return BundleHeaders.read(new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes());
        } catch (ZipException e) {
            throw Rejection.badRequest("not-a-jar", "not a jar (zip) file: " + e.getMessage());
        } catch (IOException e) {
            throw Rejection.badRequest("not-a-jar", "unreadable jar: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // java.util.jar.Manifest and ZipFile report malformed input this way too.
            throw Rejection.badRequest("bad-manifest", "malformed jar or manifest: " + e.getMessage());
        }
    }

    private void checkSizes(String name, long inflated, long compressed, long total, long fileSize) throws Rejection {
        if (inflated > limits.maxEntryBytes()) {
            throw bomb("entry '" + printable(name) + "' inflates to more than " + limits.maxEntryBytes() + " bytes");
        }
        if (total > limits.maxTotalBytes()) {
            throw bomb("the jar inflates to more than " + limits.maxTotalBytes() + " bytes");
        }
        if (inflated > limits.ratioFloorBytes() && inflated > (long) limits.maxRatio() * Math.max(compressed, 1)) {
            throw bomb("entry '" + printable(name) + "' inflates more than " + limits.maxRatio()
                    + " times its compressed size");
        }
        if (total > limits.ratioFloorBytes() && total > (long) limits.maxRatio() * Math.max(fileSize, 1)) {
            throw bomb("the jar inflates more than " + limits.maxRatio() + " times its size");
        }
    }

    /** Names that would escape a folder or mean different files on different systems are refused. */
    static void checkName(String name) throws Rejection {
        String why = null;
        if (name.isEmpty()) {
            why = "is empty";
        } else if (name.startsWith("/") || name.startsWith("\\")) {
            why = "is an absolute path";
        } else if (name.indexOf('\\') >= 0) {
            why = "contains a backslash";
        } else if (name.length() > 1 && name.charAt(1) == ':') {
            why = "starts with a drive letter";
        } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            why = "contains a control character";
        } else {
            for (String segment : name.split("/", -1)) {
                if (segment.equals("..")) {
                    why = "climbs out of the archive with '..'";
                    break;
                }
            }
        }
        if (why != null) {
            throw Rejection.badRequest("zip-slip", "entry name '" + printable(name) + "' " + why);
        }
    }

    private static Rejection bomb(String why) {
        return new Rejection(413, "zip-bomb", "refused as a zip bomb: " + why);
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
            if (out.length() > 120) {
                return out.append("...").toString();
            }
        }
        return out.toString();
    }
}
