package org.segue.plugin.decoder.wav.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a file (seekable, size known) or a stream (forward only, size unknown), read in
 * blocks. One class for both so the chunk parsers and the sample reader do not care which.
 */
abstract class ByteInput implements Closeable {

    static ByteInput open(Path file) throws IOException {
        return new FileInput(FileChannel.open(file, StandardOpenOption.READ));
    }

    static ByteInput of(InputStream stream) {
        return new StreamInput(stream);
    }

    /**
     * Reads until {@code length} bytes are read or the data ends.
     *
     * @return the bytes read; fewer than {@code length} only at the end of the data
     */
    abstract int read(byte[] buffer, int offset, int length) throws IOException;

    /** Skips {@code count} bytes, or to the end. @return the bytes skipped */
    abstract long skip(long count) throws IOException;

    /** The number of bytes before the next one read. */
    abstract long position();

    /** The total size in bytes, or -1 for a stream. */
    abstract long size() throws IOException;

    abstract boolean seekable();

    /** @throws UnsupportedOperationException for a stream */
    abstract void seek(long position) throws IOException;

    /** Bytes left before the end, or {@link Long#MAX_VALUE} for a stream. */
    final long remaining() throws IOException {
        long size = size();
        return size < 0 ? Long.MAX_VALUE : Math.max(0, size - position());
    }

    private static final class FileInput extends ByteInput {
        private final FileChannel channel;
        private final long size;
        private byte[] wrapped;
        private ByteBuffer wrapper;

        FileInput(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        @Override
        int read(byte[] buffer, int offset, int length) throws IOException {
            if (buffer != wrapped) {
                // The sample reader reuses one buffer: wrap it once, not per block.
                wrapped = buffer;
                wrapper = ByteBuffer.wrap(buffer);
            }
            wrapper.limit(offset + length).position(offset);
            int total = 0;
            while (total < length) {
                int n = channel.read(wrapper);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total;
        }

        @Override
        long skip(long count) throws IOException {
            long position = channel.position();
            long target = Math.min(size, position + count);
            channel.position(target);
            return target - position;
        }

        @Override
        long position() {
            try {
                return channel.position();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        long size() {
            return size;
        }

        @Override
        boolean seekable() {
            return true;
        }

        @Override
        void seek(long position) throws IOException {
            channel.position(position);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class StreamInput extends ByteInput {
        private final InputStream in;
        private long position;

        StreamInput(InputStream in) {
            this.in = in;
        }

        @Override
        int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.readNBytes(buffer, offset, length);
            position += n;
            return n;
        }

        @Override
        long skip(long count) throws IOException {
            long skipped = 0;
            byte[] scratch = null;
            while (skipped < count) {
                long n = in.skip(count - skipped);
                if (n <= 0) {
                    // skip() may return 0 before the end: read to tell the end from a pause.
                    if (scratch == null) {
                        scratch = new byte[8192];
                    }
                    int r = in.read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
                    if (r < 0) {
                        break;
                    }
                    n = r;
                }
                skipped += n;
            }
            position += skipped;
            return skipped;
        }

        @Override
        long position() {
            return position;
        }

        @Override
        long size() {
            return -1;
        }

        @Override
        boolean seekable() {
            return false;
        }

        @Override
        void seek(long position) {
            throw new UnsupportedOperationException("a stream cannot seek");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
