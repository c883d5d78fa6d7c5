package org.segue.plugin.play.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The event log of Segue before the SQLite store ({@code events.log}), kept so that
 * {@link LegacyImport} can move an existing log into the database, and the tests can write one as
 * that version did. The format: one file, a magic header, then records
 * {@code [length:int][crc32c:int][payload]}. A record is committed once {@link #append} returns:
 * its bytes and the file size are forced to the device before that.
 *
 * <p>Why this survives {@code kill -9} and power loss: a record is written after the last committed
 * one and nothing is ever overwritten, so a crash can only leave an incomplete or garbled tail. The
 * reader stops at the first record whose length runs past the end or whose CRC does not match; the
 * next writer (holding the lock, so no one is mid-append) cuts the file there, first copying the
 * cut bytes to {@code events.log.cut-<offset>} so nothing is destroyed unseen.
 *
 * <p>Several processes (the server and a command line) may share the file: appends hold an OS
 * file lock, and {@link #readNew} picks up records other processes appended since the last call.
 * Not thread-safe: the engine calls it under its own lock.
 */
final class EventFile implements AutoCloseable {

    static final byte[] MAGIC = "SEGUEEV1".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_RECORD = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    /** End of the last complete record read or written: where the next append goes. */
    private long end;

    EventFile(Path path) throws IOException {
        this.path = path;
        Files.createDirectories(path.toAbsolutePath().getParent());
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try (FileLock lock = lock()) {
            if (channel.size() < MAGIC.length) {
                // A new file, or one whose creator died before the header was durable.
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(MAGIC), 0);
                channel.force(true);
            }
            byte[] header = new byte[MAGIC.length];
            readFully(ByteBuffer.wrap(header), 0);
            if (!Arrays.equals(header, MAGIC)) {
                channel.close();
                throw new IOException(path + " is not a Segue event log (bad header)");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.end = MAGIC.length;
    }

    Path path() {
        return path;
    }

    /** Where the next record goes; also how far this process has read. */
    long end() {
        return end;
    }

    /**
     * Reads complete records from {@link #end} on, giving each to {@code sink}, and moves
     * {@link #end} past them. An incomplete or garbled tail is left for the writer to cut (it may be
     * another process's append in progress).
     */
    void readNew(Consumer<StoredEvent> sink) throws IOException {
        end = scan(end, Long.MAX_VALUE, sink);
    }

    /**
     * Reads the complete records that start in {@code [from, to)}; returns the end of the last one.
     * The engine replays a late badge up to {@link #end} only, so it never sees a record twice.
     */
    long scan(long from, long to, Consumer<StoredEvent> sink) throws IOException {
        long at = from;
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate(8);
        while (at < to && at + 8 <= size) {
            head.clear();
            readFully(head, at);
            head.flip();
            int length = head.getInt();
            int crc = head.getInt();
            if (length <= 0 || length > MAX_RECORD || at + 8 + length > size) {
                break;
            }
            byte[] payload = new byte[length];
            readFully(ByteBuffer.wrap(payload), at + 8);
            if (crc(payload) != crc) {
                break;
            }
            sink.accept(StoredEvent.decode(payload, at));
            at += 8 + length;
        }
        return at;
    }

    /** Reads the one record at {@code offset} (from {@link StoredEvent#offset()}). */
    StoredEvent read(long offset) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        readFully(head, offset);
        head.flip();
        int length = head.getInt();
        head.getInt();
        byte[] payload = new byte[length];
        readFully(ByteBuffer.wrap(payload), offset + 8);
        return StoredEvent.decode(payload, offset);
    }

    /**
     * Holds the file lock across {@code beforeAppend} (which must first catch up with
     * {@link #readNew}) and the appends it asks for, so that no other process appends in between.
     */
    <T> T locked(LockedAction<T> action) throws IOException {
        try (FileLock lock = lock()) {
            return action.run();
        }
    }

    /**
     * The OS lock on the file. Java also refuses an overlapping lock held through another channel of
     * this JVM (two engines on one folder, briefly, while Config Admin replaces one): wait for it.
     */
    private FileLock lock() throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the lock on " + path, interrupted);
                }
            }
        }
    }

    /** Work done under {@link #locked}. */
    interface LockedAction<T> {
        T run() throws IOException;
    }

    /**
     * Appends one record after the last complete one and forces it to disk. Call under
     * {@link #locked} after {@link #readNew}: anything past {@link #end} is then a dead writer's
     * torn tail, cut (and kept aside) here.
     */
    void append(StoredEvent event) throws IOException {
        append(event, true);
    }

    /** {@link #append(StoredEvent)}; without {@code force} only for building bench logs, never for users' events. */
    void append(StoredEvent event, boolean force) throws IOException {
        byte[] payload = event.encode();
        if (payload.length > MAX_RECORD) {
            throw new IllegalArgumentException("event of " + payload.length + " bytes, at most " + MAX_RECORD);
        }
        cutTail();
        ByteBuffer record = ByteBuffer.allocate(8 + payload.length);
        record.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
        long at = end;
        while (record.hasRemaining()) {
            at += channel.write(record, at);
        }
        if (force) {
            channel.force(true);
        }
        end = at;
    }

    private void cutTail() throws IOException {
        long size = channel.size();
        if (size <= end) {
            return;
        }
        Path aside = path.resolveSibling(path.getFileName() + ".cut-" + end);
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.transferTo(end, size - end, out);
            out.force(true);
        }
        channel.truncate(end);
        channel.force(true);
    }

    /** Every complete record in the file, whatever {@link #end} is: for tests and one-off scans. */
    List<StoredEvent> readAll() throws IOException {
        List<StoredEvent> all = new ArrayList<>();
        scan(MAGIC.length, Long.MAX_VALUE, all::add);
        return all;
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException(path + ": unexpected end of file at " + at);
            }
            at += n;
        }
    }

    private static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
