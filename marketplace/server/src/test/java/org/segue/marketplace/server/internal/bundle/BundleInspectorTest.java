package org.segue.marketplace.server.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.marketplace.server.internal.Rejection;

/** The zip limits on small archives, with limits shrunk to match. */
class BundleInspectorTest {

    static final String MANIFEST = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n"
            + "Bundle-SymbolicName: org.example.x;singleton:=true\r\nBundle-Version: 1.0.0\r\n\r\n";

    @TempDir
    Path dir;

    Path zip(boolean stored, Object... nameAndContent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                byte[] content = nameAndContent[i + 1] instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) nameAndContent[i + 1];
                ZipEntry e = new ZipEntry((String) nameAndContent[i]);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(content.length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(content);
                z.closeEntry();
            }
        }
        Path f = Files.createTempFile(dir, "t", ".jar");
        Files.write(f, out.toByteArray());
        return f;
    }

    static Rejection rejects(UploadLimits limits, Path jar) {
        return assertThrows(Rejection.class, () -> new BundleInspector(limits).inspect(jar));
    }

    @Test
    void readsTheBundleIdentity() throws Exception {
        BundleHeaders h = new BundleInspector(UploadLimits.defaults()).inspect(zip(false, "META-INF/MANIFEST.MF", MANIFEST));
        assertEquals("org.example.x", h.name(), "directives are not part of the name");
        assertEquals("1.0.0", h.osgiVersion().toString());
    }

    @Test
    void entryCountTotalSizeAndEntrySizeAreCountedOnInflatedBytes() throws Exception {
        UploadLimits tight = new UploadLimits(1 << 20, 3, 1000, 2000, 1000, 1 << 20, 4096);
        Path many = zip(false, "META-INF/MANIFEST.MF", MANIFEST, "a", "1", "b", "2", "c", "3");
        assertTrue(rejects(tight, many).getMessage().contains("more than 3 entries"));
        Path bigEntry = zip(false, "META-INF/MANIFEST.MF", MANIFEST, "a", new byte[1001]);
        assertTrue(rejects(tight, bigEntry).getMessage().contains("entry 'a' inflates to more than 1000 bytes"));
        Path bigTotal = zip(false, "META-INF/MANIFEST.MF", MANIFEST, "a", new byte[1000], "b", new byte[1000]);
        assertEquals("zip-bomb", rejects(tight, bigTotal).code());
        assertTrue(rejects(tight, bigTotal).getMessage().contains("the jar inflates to more than 2000 bytes"));
    }

    @Test
    void ratioIsCheckedOnceAnEntryIsLarge() throws Exception {
        UploadLimits ratio = new UploadLimits(1 << 20, 100, 1 << 30, 1L << 30, 50, 100_000, 4096);
        Path fine = zip(false, "META-INF/MANIFEST.MF", MANIFEST, "small-zeros", new byte[50_000]);
        new BundleInspector(ratio).inspect(fine);
        Path bomb = zip(false, "META-INF/MANIFEST.MF", MANIFEST, "zeros", new byte[2_000_000]);
        assertTrue(rejects(ratio, bomb).getMessage().contains("inflates more than 50 times"));
    }

    @Test
    void duplicateEntryNamesAreRefused() throws Exception {
        Path jar = zip(true, "META-INF/MANIFEST.MF", MANIFEST, "a.txt", "one", "b.txt", "two");
        byte[] bytes = Files.readAllBytes(jar);
        String s = new String(bytes, StandardCharsets.ISO_8859_1).replace("b.txt", "a.txt");
        Files.write(jar, s.getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(rejects(UploadLimits.defaults(), jar).getMessage().contains("duplicate entry 'a.txt'"));
    }

    @Test
    void hostileNames() {
        for (String bad : new String[] {"../x", "a/../../x", "/abs", "\\abs", "a\\b", "C:/x", "a/\u0000b", ""}) {
            Rejection r = assertThrows(Rejection.class, () -> BundleInspector.checkName(bad), bad);
            assertEquals("zip-slip", r.code());
        }
        assertThrows(Rejection.class, () -> BundleInspector.checkName(".."));
    }

    @Test
    void namesThatOnlyLookOddAreFine() throws Exception {
        for (String ok : new String[] {"a/..b/c", "a/b../c", "...", "META-INF/", "x/y/z.class"}) {
            BundleInspector.checkName(ok);
        }
    }
}
