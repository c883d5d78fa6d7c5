package org.segue.support.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path folder;

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = folder.resolve("sub/store.json");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, temporary -> {
            Files.writeString(temporary, "half of the n");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void secretsAreOwnerOnlyAndStreamsAreCopiedWhole() throws IOException {
        Path secret = AtomicFiles.writeBytes(folder.resolve("token"), new byte[] {1, 2, 3}, true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        Path copy = AtomicFiles.copy(new ByteArrayInputStream(new byte[100_000]), folder.resolve("copy.bin"));
        assertEquals(100_000, Files.size(copy));
        AtomicFiles.deleteTree(folder.resolve("sub"));
        assertFalse(Files.exists(folder.resolve("sub")));
    }
}
