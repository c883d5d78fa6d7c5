package org.segue.plugin.mix.engine.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Outputs appear complete or not at all: written under a temporary name beside the target, then renamed. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** A new temporary file in the target's folder (so the rename stays on one file system). */
    static Path temporaryFor(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName(), ".part");
    }

    static void commit(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void writeString(Path target, String text) throws IOException {
        Path tmp = temporaryFor(target);
        try {
            Files.writeString(tmp, text);
            commit(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The target with another extension: {@code mix.wav} → {@code mix.cue}. */
    static Path sibling(Path target, String extension) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return target.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
