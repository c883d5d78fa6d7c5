package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

class EventFileTest {

    @TempDir
    Path dir;

    static StoredEvent event(int i) {
        UserEvent e = new UserEvent("u" + (i % 3), UserEventTypes.TRACK_PLAYED, Instant.ofEpochSecond(1_700_000_000L + i, i),
                Map.of(UserEventTypes.TRACK, "track-" + i, "é", "ü ♫"));
        return new StoredEvent(StoredEvent.idOf(e), -1, e);
    }

    private static List<StoredEvent> all(EventFile f) throws IOException {
        return f.readAll();
    }

    @Test
    void appendedEventsComeBackAfterReopeningWithTheirIdsAndFields() throws IOException {
        Path log = dir.resolve("events.log");
        try (EventFile f = new EventFile(log)) {
            for (int i = 0; i < 50; i++) {
                f.append(event(i));
            }
        }
        try (EventFile f = new EventFile(log)) {
            List<StoredEvent> read = new ArrayList<>();
            f.readNew(read::add);
            assertEquals(50, read.size());
            for (int i = 0; i < 50; i++) {
                assertEquals(event(i).id(), read.get(i).id());
                assertEquals(event(i).event(), read.get(i).event());
                assertEquals(read.get(i), f.read(read.get(i).offset()), "random access by offset");
            }
            assertEquals(Files.size(log), f.end());
        }
    }

    @Test
    void aTornTailIsIgnoredThenCutAndKeptAsideByTheNextWriter() throws IOException {
        Path log = dir.resolve("events.log");
        long good;
        try (EventFile f = new EventFile(log)) {
            for (int i = 0; i < 10; i++) {
                f.append(event(i));
            }
            good = f.end();
        }
        // A crash mid-append: the first half of a record.
        byte[] whole = record(event(10));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(log, half, StandardOpenOption.APPEND);
        try (EventFile f = new EventFile(log)) {
            f.readNew(e -> { });
            assertEquals(good, f.end(), "reading stops before the torn record");
            assertEquals(10, all(f).size());
            f.locked(() -> {
                f.append(event(11));
                return null;
            });
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11), all(f).stream()
                    .map(s -> Integer.parseInt(s.event().attributes().get(UserEventTypes.TRACK).substring(6))).toList());
        }
        Path aside = dir.resolve("events.log.cut-" + good);
        assertArrayEquals(half, Files.readAllBytes(aside), "the cut bytes are kept for inspection");
    }

    @Test
    void aGarbledRecordEndsTheReadableLog() throws IOException {
        Path log = dir.resolve("events.log");
        long second;
        try (EventFile f = new EventFile(log)) {
            f.append(event(0));
            second = f.end();
            f.append(event(1));
        }
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x55}), second + 20); // one byte of the payload flipped
        }
        try (EventFile f = new EventFile(log)) {
            List<StoredEvent> read = all(f);
            assertEquals(1, read.size(), "the CRC catches the garbled record");
            assertEquals(event(0).event(), read.get(0).event());
        }
    }

    @Test
    void aFileThatIsNoEventLogIsRefusedByName() throws IOException {
        Path log = dir.resolve("events.log");
        Files.writeString(log, "hello, this is not a log at all");
        IOException e = assertThrows(IOException.class, () -> new EventFile(log));
        assertTrue(e.getMessage().contains(log.toString()), e.getMessage());
    }

    @Test
    void theIdIsTheProducersOrAHashOfEveryField() {
        UserEvent a = event(1).event();
        UserEvent sameAgain = new UserEvent(a.userId(), a.type(), a.time(), Map.copyOf(a.attributes()));
        assertEquals(StoredEvent.idOf(a), StoredEvent.idOf(sameAgain));
        assertNotEquals(StoredEvent.idOf(a), StoredEvent.idOf(new UserEvent(a.userId(), a.type(), a.time().plusNanos(1), a.attributes())));
        assertNotEquals(StoredEvent.idOf(a), StoredEvent.idOf(new UserEvent("u9", a.type(), a.time(), a.attributes())));
        UserEvent given = new UserEvent("u", "t", Instant.EPOCH, Map.of(UserEventTypes.EVENT_ID, "mix-42"));
        assertEquals("mix-42", StoredEvent.idOf(given));
    }

    @Test
    void anAttributeTooLongForTheRecordIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path log = dir.resolve("events.log");
        try (EventFile f = new EventFile(log)) {
            long before = Files.size(log);
            UserEvent big = new UserEvent("u", "t", Instant.EPOCH, Map.of("x", "y".repeat(70_000)));
            assertThrows(IllegalArgumentException.class, () -> f.append(new StoredEvent("id", -1, big)));
            assertEquals(before, Files.size(log));
        }
    }

    private static byte[] record(StoredEvent e) {
        byte[] payload = e.encode();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt((int) crc.getValue()).put(payload).array();
    }
}
