package org.segue.support.io;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files replaced whole or not at all, as every store and output of Segue's must be: a crash, a full
 * disk or a cancelled job leaves the old content or the new one, never half of it. The content is
 * written to a temporary file in the target's own folder (so the rename cannot cross file systems),
 * forced to disk, then renamed over the target.
 */
public final class AtomicFiles {
    /** Owner read/write only, for files holding secrets or hashes of them. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Writes the content of a file, given its temporary path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} through {@code writer}; on any failure the target is as before. */
    public static Path write(Path target, Writer writer) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try {
            writer.write(temporary);
            move(temporary, target);
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Replaces {@code target} with {@code bytes}, forced to disk before the rename.
     *
     * @param ownerOnly make the file readable by its owner only (where the file system has POSIX
     *        permissions), from before the first byte is written
     */
    public static Path writeBytes(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        return write(target, temporary -> {
            if (ownerOnly) {
                restrict(temporary);
            }
            // A FileOutputStream, not a FileChannel: an interrupt (a job being stopped) must not
            // abort the write half-way by closing the channel.
            try (FileOutputStream out = new FileOutputStream(temporary.toFile())) {
                out.write(bytes);
                out.flush();
                out.getFD().sync();
            }
        });
    }

    /** Replaces {@code target} with {@code text} in UTF-8, forced to disk before the rename. */
    public static Path writeString(Path target, String text) throws IOException {
        return writeBytes(target, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Replaces {@code target} with everything {@code in} gives; the caller closes {@code in}. */
    public static Path copy(InputStream in, Path target) throws IOException {
        return write(target, temporary -> Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING));
    }

    /** Renames atomically, replacing the target. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only across file systems, which write() never does; a plain move is the best left.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a file or folder owner-only where the file system has POSIX permissions. */
    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Files.isDirectory(file)
                    ? PosixFilePermissions.fromString("rwx------") : OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }

    /** Deletes a folder and everything in it; quietly does nothing when it is absent. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
