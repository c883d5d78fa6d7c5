package org.segue.plugin.decoder.wav.internal;

import java.io.IOException;

import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;

/**
 * Streams the frames of a WAV or AIFF data chunk: one bulk read into a reusable byte buffer per
 * block, then one conversion loop, so nothing is allocated after {@link #open}.
 *
 * <p>Truncated data (the headers claim more frames than the file holds): {@link #read} delivers
 * every whole frame that exists, and the next call raises {@link AudioDecodingException}. The
 * caller thus gets all the audio there is and still learns, at the point the data runs out, that
 * the file is damaged.
 */
final class PcmFileSource implements PcmSource {
    /** Bytes read per block: large enough to amortise the system call, small enough for the cache. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ByteInput in;
    private final String source;
    private final PcmLayout layout;
    private final int bytesPerFrame;
    private final byte[] buffer;
    private long frames;
    private long position;
    private AudioDecodingException pending;
    private boolean closed;

    PcmFileSource(ByteInput in, String source, PcmLayout layout) {
        this.in = in;
        this.source = source;
        this.layout = layout;
        this.bytesPerFrame = layout.bytesPerFrame();
        this.buffer = new byte[Math.max(1, BUFFER_BYTES / bytesPerFrame) * bytesPerFrame];
        this.frames = layout.frames();
    }

    @Override
    public AudioFormat format() {
        return layout.format();
    }

    @Override
    public long frameLength() {
        return frames;
    }

    @Override
    public int read(float[][] destination, int offset, int maxFrames) throws IOException {
        if (closed) {
            throw new IOException(source + ": source is closed");
        }
        if (pending != null) {
            throw pending;
        }
        if (maxFrames <= 0) {
            return 0;
        }
        long left = frames < 0 ? Long.MAX_VALUE : frames - position;
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(Math.min(maxFrames, left), buffer.length / bytesPerFrame);
        int bytes = n * bytesPerFrame;
        int got = in.read(buffer, 0, bytes);
        int gotFrames = got / bytesPerFrame;
        if (got < bytes) {
            if (frames < 0) {
                frames = position + gotFrames; // length unknown: the end of the file is the end
            } else {
                pending = new AudioDecodingException(source, "data ends at frame " + (position + gotFrames)
                        + " of the " + frames + " the header claims: the file is truncated");
            }
            if (gotFrames == 0) {
                if (pending != null) {
                    throw pending;
                }
                return -1;
            }
        }
        layout.encoding().decode(buffer, gotFrames, layout.format().channels(), destination, offset);
        position += gotFrames;
        return gotFrames;
    }

    @Override
    public boolean seekable() {
        return in.seekable();
    }

    @Override
    public void seek(long frame) throws IOException {
        if (!in.seekable()) {
            throw new UnsupportedOperationException(source + ": a stream cannot seek");
        }
        if (frame < 0) {
            throw new IllegalArgumentException("frame < 0: " + frame);
        }
        long target = frames < 0 ? frame : Math.min(frame, frames);
        in.seek(layout.dataOffset() + target * bytesPerFrame);
        position = target;
        pending = null;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }
}
