package org.segue.plugin.server.http.internal.music;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import org.segue.api.library.TrackId;

/**
 * Audio files on the server's disk as library tracks: which names are audio, a file's track id and
 * its content hash. Ids follow {@code segue import}'s rule ({@code local-} and 24 hex digits of the
 * SHA-256 of the absolute path), so the same file gets the same id however it was added.
 */
final class LocalTracks {

    /** Extensions accepted for upload and searched for in folders; the installed decoders read these. */
    static final Set<String> EXTENSIONS = Set.of("wav", "wave", "aif", "aiff", "aifc", "flac", "mp3", "ogg", "oga",
            "opus", "m4a", "aac", "w64", "rf64");

    private LocalTracks() {
    }

    /** True when the name has an audio extension (hidden files never count). */
    static boolean isAudio(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".") && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static TrackId id(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return new TrackId("local-" + HexFormat.of().formatHex(sha256().digest(path.getBytes(StandardCharsets.UTF_8)), 0, 12));
    }

    /** {@code sha256:<hex>}, the form the library stores. */
    static String contentHash(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A name safe in any file system, keeping letters, digits and {@code . _ - ( )} and spaces. */
    static String safeName(String name) {
        String base = name.replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_").strip();
        if (base.length() > 120) {
            int dot = base.lastIndexOf('.');
            String ext = dot > 0 ? base.substring(dot) : "";
            base = base.substring(0, 120 - ext.length()) + ext;
        }
        return base;
    }
}
