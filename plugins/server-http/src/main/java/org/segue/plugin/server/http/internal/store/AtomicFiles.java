package org.segue.plugin.server.http.internal.store;

import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a whole file so that a reader, or the next start after a crash, sees either the old
 * content or the new one, never half of it: temp file in the same folder, fsync, atomic rename.
 */
public final class AtomicFiles {

    /** Owner read/write only: the stores hold password hashes and token hashes. */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}; the file is readable by its owner only. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            restrict(temp);
            // A FileOutputStream, not a FileChannel: an interrupt (a job being stopped) must not
            // abort the write half-way by closing the channel.
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(bytes);
                out.flush();
                out.getFD().sync();
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes a file owner-only where the file system has POSIX permissions. */
    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PRIVATE);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }
}
