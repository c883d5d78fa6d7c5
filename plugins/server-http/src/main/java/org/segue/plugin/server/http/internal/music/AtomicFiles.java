package org.segue.plugin.server.http.internal.music;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files whole or not at all: into a temporary file beside the target, renamed over it when
 * complete. A reader (an HTTP range request, a restart after a crash) never sees half a file, and a
 * failed or cancelled write leaves nothing behind.
 */
final class AtomicFiles {

    /** Writes the content of a file, given its temporary path. */
    @FunctionalInterface
    interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} through {@code writer}; on any failure the target is as before. */
    static Path write(Path target, Writer writer) throws IOException {
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

    /** Renames atomically, replacing the target. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only across file systems, which write() never does; a plain move is the best left.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder and everything in it; quietly does nothing when it is absent. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
