package org.segue.marketplace.server.internal.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * An append-only log of records, each committed by one {@code write} and {@code force}: what
 * {@link #append} returned from is on disk, whatever happens next.
 *
 * <p>Format (forever): the 8 bytes {@code SGMJRNL1}, then records of {@code int length},
 * {@code int crc32c(payload)}, {@code payload}, big-endian. A crash mid-append leaves a torn last
 * record; opening replays every whole record and cuts the torn tail off. A bad record that is
 * <em>not</em> the last is real corruption of committed data, so opening refuses instead of
 * silently dropping what follows.
 */
public final class Journal implements Closeable {

    static final byte[] MAGIC = "SGMJRNL1".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_RECORD = 16 << 20;

    private final Path file;
    private final FileChannel channel;
    private long records;

    private Journal(Path file, FileChannel channel, long records) {
        this.file = file;
        this.channel = channel;
        this.records = records;
    }

    /** Opens (or creates) the journal and passes every committed record to {@code replay}, in order. */
    public static Journal open(Path file, Consumer<byte[]> replay) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = ch.size();
            if (size < MAGIC.length) {
                // New, or torn while writing the header: nothing was ever committed.
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(MAGIC), 0);
                ch.force(true);
                ch.position(MAGIC.length);
                return new Journal(file, ch, 0);
            }
            ByteBuffer magic = ByteBuffer.allocate(MAGIC.length);
            readFully(ch, magic, 0);
            if (!Arrays.equals(magic.array(), MAGIC)) {
                throw new IOException(file + " is not a Segue marketplace journal (bad header)");
            }
            long pos = MAGIC.length;
            long count = 0;
            ByteBuffer head = ByteBuffer.allocate(8);
            while (pos < size) {
                String problem = null;
                byte[] payload = null;
                long end = size;
                if (size - pos < 8) {
                    problem = "a torn record header";
                } else {
                    head.clear();
                    readFully(ch, head, pos);
                    int length = head.getInt(0);
                    if (length <= 0 || length > MAX_RECORD) {
                        problem = "a record length of " + length;
                        end = pos + 8;
                    } else if (size - pos - 8 < length) {
                        problem = "a torn record";
                    } else {
                        ByteBuffer body = ByteBuffer.allocate(length);
                        readFully(ch, body, pos + 8);
                        payload = body.array();
                        end = pos + 8 + length;
                        if (crc(payload) != head.getInt(4)) {
                            problem = "a checksum mismatch";
                        }
                    }
                }
                if (problem != null) {
                    // An interrupted append leaves its record last, or a tail the file system
                    // extended with zeros; anything else is damage to committed records.
                    if (end < size && !zeros(ch, pos, size)) {
                        throw new IOException(file + " is corrupt: " + problem + " at byte " + pos
                                + " with committed records after it; restore it from a backup");
                    }
                    System.err.println("marketplace journal " + file + ": cutting " + (size - pos)
                            + " bytes of " + problem + " at byte " + pos + " (an interrupted commit)");
                    ch.truncate(pos);
                    ch.force(true);
                    break;
                }
                replay.accept(payload);
                count++;
                pos = end;
            }
            ch.position(pos);
            return new Journal(file, ch, count);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Appends one record and forces it to disk; returns the number of records now committed. */
    public synchronized long append(byte[] payload) throws IOException {
        if (payload.length > MAX_RECORD) {
            throw new IOException("journal record of " + payload.length + " bytes is over the " + MAX_RECORD + " limit");
        }
        ByteBuffer buf = ByteBuffer.allocate(8 + payload.length);
        buf.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
        long start = channel.position();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            // Leave no partial record behind for the next append to follow.
            channel.truncate(start);
            channel.position(start);
            throw e;
        }
        return ++records;
    }

    public synchronized long records() {
        return records;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static boolean zeros(FileChannel ch, long from, long to) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        for (long pos = from; pos < to; ) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), to - pos));
            readFully(ch, buf, pos);
            for (int i = 0; i < buf.limit(); i++) {
                if (buf.get(i) != 0) {
                    return false;
                }
            }
            pos += buf.limit();
        }
        return true;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) {
                throw new IOException("unexpected end of journal");
            }
        }
    }
}
