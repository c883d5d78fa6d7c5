package org.segue.plugin.decoder.flac.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;

/**
 * Decodes FLAC frame by frame with jflac, handing out each frame's samples as they are asked for.
 *
 * <p>jflac sees a synthetic stream: {@code fLaC}, the STREAMINFO block validated by
 * {@link FlacHeaders}, then the frames. It thus never parses the other metadata blocks, and a seek
 * just starts a fresh jflac decoder at a frame boundary (a seek point), which is simpler and safer
 * than repositioning one under its buffers.
 *
 * <p>jflac skips frames whose CRC fails; here a skipped frame raises
 * {@link AudioDecodingException}, so corrupt audio is reported rather than silently shortened.
 * A stream that ends before STREAMINFO's sample count delivers every complete frame and then
 * raises {@link AudioDecodingException}.
 */
final class FlacSource implements PcmSource {
    private final String source;
    private final FlacHeaders headers;
    private final FileChannel channel;
    private final InputStream stream;
    private final float scale;
    /** jflac reports CRC failures only here (it zeroes the frame and carries on). */
    private final ErrorListener errors = new ErrorListener();
    private FLACDecoder decoder;
    private int[][] samples;
    private int frameLength;
    private int framePos;
    /** The frame index of the next sample {@link #read} returns. */
    private long position;
    /** Samples still to drop after a seek, before {@code position} is reached. */
    private long skip;
    private int badFrames;
    private boolean ended;
    private boolean closed;

    FlacSource(String source, FlacHeaders headers, FileChannel channel, InputStream stream) {
        this.source = source;
        this.headers = headers;
        this.channel = channel;
        this.stream = stream;
        this.scale = (float) (1.0 / (1L << (headers.bitsPerSample() - 1)));
        this.samples = new int[headers.format().channels()][];
    }

    /** Starts jflac at {@code byteOffset} from the first frame, which holds sample {@code sample}. */
    void start(long byteOffset, long sample) throws IOException {
        InputStream frames;
        if (channel != null) {
            channel.position(headers.audioStart() + byteOffset);
            frames = Channels.newInputStream(channel);
        } else {
            frames = stream;
        }
        decoder = new FLACDecoder(new SequenceInputStream(new ByteArrayInputStream(headers.jflacPrefix()), frames));
        decoder.addFrameListener(errors);
        try {
            decoder.readMetadata();
        } catch (IOException | RuntimeException e) {
            throw new AudioDecodingException(source, "jflac rejected the STREAMINFO block: " + e, e);
        }
        badFrames = 0;
        ended = false;
        frameLength = 0;
        framePos = 0;
        position = sample;
    }

    @Override
    public AudioFormat format() {
        return headers.format();
    }

    @Override
    public long frameLength() {
        return headers.totalSamples() > 0 ? headers.totalSamples() : -1;
    }

    @Override
    public int read(float[][] destination, int offset, int maxFrames) throws IOException {
        if (closed) {
            throw new IOException(source + ": source is closed");
        }
        if (maxFrames <= 0) {
            return 0;
        }
        while (framePos >= frameLength || skip > 0) {
            if (framePos < frameLength) {
                int drop = (int) Math.min(skip, frameLength - framePos);
                framePos += drop;
                skip -= drop;
                position += drop;
                continue;
            }
            if (ended || !nextFrame()) {
                return -1;
            }
        }
        int n = Math.min(maxFrames, frameLength - framePos);
        for (int c = 0; c < samples.length; c++) {
            int[] in = samples[c];
            float[] out = destination[c];
            for (int i = 0, p = framePos; i < n; i++, p++) {
                out[offset + i] = in[p] * scale;
            }
        }
        framePos += n;
        position += n;
        return n;
    }

    private boolean nextFrame() throws IOException {
        long total = headers.totalSamples();
        if (total > 0 && position >= total) {
            // Stop here, not in jflac: once it has decoded STREAMINFO's count its frame search
            // returns without reading, and its retry loop then never ends.
            ended = true;
            return false;
        }
        errors.first = null;
        Frame frame;
        try {
            frame = decoder.readNextFrame();
        } catch (RuntimeException e) {
            throw new AudioDecodingException(source, "corrupt frame after sample " + position + ": " + e, e);
        } catch (IOException e) {
            throw new AudioDecodingException(source, "cannot decode the frame after sample " + position + ": " + e, e);
        }
        if (frame == null) {
            ended = true;
            if (total > 0 && position < total) {
                throw new AudioDecodingException(source, "data ends at sample " + position + " of the " + total
                        + " STREAMINFO claims: the file is truncated");
            }
            return false;
        }
        if (decoder.getBadFrames() > badFrames || errors.first != null) {
            badFrames = decoder.getBadFrames();
            throw new AudioDecodingException(source, "corrupt frame after sample " + position + " ("
                    + (errors.first != null ? errors.first : "bad frame header") + ")");
        }
        if (frame.header.channels != samples.length || frame.header.bitsPerSample != headers.bitsPerSample()) {
            throw new AudioDecodingException(source, "frame after sample " + position + " has "
                    + frame.header.channels + " channels of " + frame.header.bitsPerSample
                    + " bits, unlike STREAMINFO");
        }
        for (int c = 0; c < samples.length; c++) {
            samples[c] = decoder.getChannelData()[c].getOutput();
        }
        frameLength = frame.header.blockSize;
        if (total > 0 && position + frameLength > total) {
            frameLength = (int) Math.max(0, total - position); // frames past STREAMINFO's end: padding
        }
        framePos = 0;
        if (frameLength == 0) {
            ended = true;
            return false;
        }
        return true;
    }

    /** Keeps the first error jflac reports while decoding one frame. */
    private static final class ErrorListener implements FrameListener {
        String first;

        @Override
        public void processMetadata(Metadata metadata) {
        }

        @Override
        public void processFrame(Frame frame) {
        }

        @Override
        public void processError(String message) {
            if (first == null) {
                first = message;
            }
        }
    }

    @Override
    public boolean seekable() {
        return channel != null;
    }

    /**
     * Restarts at the best seek point at or before {@code frame} (or continues, when that is
     * nearer), then decodes and drops samples up to it: sample-exact, and as fast as the seek
     * table is dense (ffmpeg and libFLAC write one point per ~10 s).
     */
    @Override
    public void seek(long frame) throws IOException {
        if (channel == null) {
            throw new UnsupportedOperationException(source + ": a stream cannot seek");
        }
        if (frame < 0) {
            throw new IllegalArgumentException("frame < 0: " + frame);
        }
        long total = headers.totalSamples();
        if (total > 0 && frame >= total) {
            ended = true;
            frameLength = 0;
            framePos = 0;
            skip = 0;
            position = total;
            return;
        }
        long target = frame;
        long current = position - framePos; // the first sample of the buffered frame
        long[] best = {0, 0};
        for (long[] point : headers.seekPoints()) {
            if (point[0] <= target) {
                best = point;
            }
        }
        if (best[0] > current || target < current || ended) {
            start(best[1], best[0]);
            skip = target - best[0];
        } else {
            position = current;
            framePos = 0;
            skip = target - current;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (channel != null) {
                channel.close();
            } else {
                stream.close();
            }
        }
    }
}
