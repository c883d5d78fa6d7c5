package org.segue.marketplace.server.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.segue.marketplace.server.internal.crypto.Ed25519;

/**
 * Artifacts stored by content: {@code blobs/sha256/<2 hex>/<64 hex>}. A blob is written to
 * {@code tmp/}, forced to disk, then renamed into place, so a blob file is always whole. A blob is
 * only part of the catalogue once a journal record names it; blobs no record names (a crash
 * between the rename and the commit) are swept on start.
 */
public final class BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path blobs;
    private final Path tmp;

    public BlobStore(Path dataDir) throws IOException {
        this.blobs = Files.createDirectories(dataDir.resolve("blobs").resolve("sha256"));
        this.tmp = Files.createDirectories(dataDir.resolve("tmp"));
    }

    /** A staged upload: its temp file and the SHA-256 and size of what was copied into it. */
    public record Staged(Path file, String sha256, long size) {
    }

    /** Copies {@code in} into a new temp file, at most {@code maxBytes}, hashing as it goes. */
    public Staged stage(InputStream in, long maxBytes) throws IOException, TooLargeException {
        Path file = Files.createTempFile(tmp, "upload-", ".jar");
        MessageDigest sha = Ed25519.sha256();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file); DigestInputStream din = new DigestInputStream(in, sha)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = din.read(buf)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException("the bundle is larger than " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException | TooLargeException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Staged(file, HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Makes a staged file a blob: forced to disk, then renamed into place atomically. */
    public Path commit(Staged staged) throws IOException {
        try (FileChannel ch = FileChannel.open(staged.file(), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path target = path(staged.sha256());
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the data folder's file system cannot rename atomically", e);
        }
        forceDirectory(target.getParent());
        return target;
    }

    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.file());
        } catch (IOException e) {
            // Swept at the next start.
        }
    }

    /** Where uploads are staged; the HTTP layer spools multipart bodies below it. */
    public Path tmp() {
        return tmp;
    }

    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return blobs.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public boolean contains(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isRegularFile(path(sha256));
    }

    /** Deletes temp files and blobs no committed record names; returns how many files went. */
    public int sweep(Set<String> referenced) throws IOException {
        int removed = 0;
        try (Stream<Path> temps = Files.walk(tmp)) {
            for (Path t : (Iterable<Path>) temps.filter(Files::isRegularFile)::iterator) {
                Files.deleteIfExists(t);
                removed++;
            }
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!referenced.contains(p.getFileName().toString())) {
                    Files.delete(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename itself durable on Linux; other systems refuse to open a directory.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }

    /** The upload is over its size limit. */
    public static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        public TooLargeException(String message) {
            super(message);
        }
    }
}
