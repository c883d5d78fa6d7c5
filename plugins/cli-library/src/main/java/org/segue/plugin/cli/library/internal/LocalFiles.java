package org.segue.plugin.cli.library.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.segue.api.library.TrackId;

/**
 * Local audio files as library tracks: which files a folder holds, their ids and content hashes.
 *
 * <p>A local track's id is derived from its absolute path, so importing the same folder again
 * finds the tracks it already holds and a command can name a track by its file. A moved file is a
 * new track (the analysis cache, keyed by content, makes its re-import cheap).
 */
final class LocalFiles {

    /** Extensions searched for in folders. */
    static final Set<String> EXTENSIONS = Set.of("wav", "wave", "aif", "aiff", "aifc", "flac", "mp3", "ogg", "oga",
            "opus", "m4a", "aac", "mp4", "wma", "alac", "w64", "rf64");

    private LocalFiles() {
    }

    /** The audio files in folders (recursively, sorted) and files named directly (whatever their name). */
    static List<Path> collect(List<String> arguments, Path workingDirectory) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String a : arguments) {
            Path p = workingDirectory.resolve(a).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(LocalFiles::isAudio).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException("no such file or folder: " + p);
            }
        }
        return files;
    }

    static boolean isAudio(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".") && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** {@code local-} and 24 hex digits of the SHA-256 of the absolute, normalised path. */
    static TrackId id(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return new TrackId("local-" + HexFormat.of().formatHex(sha256().digest(path.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), 0, 12));
    }

    /** The file's content hash as the library stores it: {@code sha256:<hex>}. */
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
