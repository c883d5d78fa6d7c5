package org.segue.marketplace.server.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash can do to the journal's last record, and what it must never be mistaken for. */
class JournalTest {

    @TempDir
    Path dir;

    List<String> replay(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (Journal j = Journal.open(file, b -> out.add(new String(b, StandardCharsets.UTF_8)))) {
            assertEquals(out.size(), j.records());
        }
        return out;
    }

    Path journalOf(String... records) throws IOException {
        Path file = dir.resolve("journal.log");
        try (Journal j = Journal.open(file, b -> { })) {
            for (String r : records) {
                j.append(r.getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    @Test
    void recordsComeBackInOrder() throws IOException {
        Path f = journalOf("one", "two", "three");
        assertEquals(List.of("one", "two", "three"), replay(f));
        try (Journal j = Journal.open(f, b -> { })) {
            assertEquals(4, j.append("four".getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(List.of("one", "two", "three", "four"), replay(f));
    }

    @Test
    void aTornLastRecordIsCutAndTheJournalGoesOn() throws IOException {
        Path f = journalOf("one", "two");
        long whole = Files.size(f);
        // The header of a 100-byte record and 10 bytes of it: a write interrupted by kill -9.
        append(f, ByteBuffer.allocate(18).putInt(100).putInt(42).put(new byte[10]).array());
        assertEquals(List.of("one", "two"), replay(f));
        assertEquals(whole, Files.size(f), "the torn tail is gone");
        try (Journal j = Journal.open(f, b -> { })) {
            j.append("three".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("one", "two", "three"), replay(f));
    }

    @Test
    void aHalfWrittenRecordHeaderOrZeroTailIsCut() throws IOException {
        Path f = journalOf("one");
        append(f, new byte[] {0, 0, 0});
        assertEquals(List.of("one"), replay(f));
        append(f, new byte[4096]);
        assertEquals(List.of("one"), replay(f), "a tail of zeros is an extended, never written file");
    }

    @Test
    void aLastRecordWithABadChecksumIsCut() throws IOException {
        Path f = journalOf("one", "two");
        flipLastByte(f);
        assertEquals(List.of("one"), replay(f));
    }

    @Test
    void damageBeforeCommittedRecordsIsRefusedNotTruncated() throws IOException {
        Path f = journalOf("first record", "second record", "third record");
        long size = Files.size(f);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), Journal.MAGIC.length + 8 + 2);
        }
        IOException e = assertThrows(IOException.class, () -> replay(f));
        assertTrue(e.getMessage().contains("is corrupt: a checksum mismatch at byte 8"), e.getMessage());
        assertEquals(size, Files.size(f), "nothing was cut");
    }

    @Test
    void anotherFileIsNotMistakenForAJournal() throws IOException {
        Path f = dir.resolve("other");
        Files.writeString(f, "hello, world");
        assertTrue(assertThrows(IOException.class, () -> replay(f)).getMessage().contains("not a Segue marketplace journal"));
    }

    private static void flipLastByte(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, ch.size() - 1);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
            ch.write(b, ch.size() - 1);
        }
    }
}
