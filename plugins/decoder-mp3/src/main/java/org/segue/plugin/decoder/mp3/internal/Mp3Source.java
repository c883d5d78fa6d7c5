package org.segue.plugin.decoder.mp3.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;

/**
 * Decodes MP3 frame by frame with JLayer's {@link Bitstream} and {@link Decoder}.
 *
 * <p>Timeline: every frame counts its full 384/576/1152 samples, even one JLayer outputs nothing
 * for (a frame whose bit reservoir lies before a seek point), so positions stay exact. When a
 * LAME tag gives the encoder delay and padding, they and the decoder's 529-sample delay are cut:
 * sample 0 is the first sample of the original audio (gapless).
 *
 * <p>Truncation: when the Xing frame count or the file size says a frame is missing or cut short,
 * the frames before it are delivered and then {@link AudioDecodingException} is raised.
 */
final class Mp3Source implements PcmSource {
    /** Frames decoded before a seek target to refill the bit reservoir and the filterbank. */
    private static final int PRIME_FRAMES = 3;
    private static final float SCALE = 1f / 32700; // JLayer's synthesis gain

    private final String source;
    private final Mp3Headers headers;
    private final FileChannel channel;
    private final long audioEnd;
    private InputStream stream;
    private final AudioFormat format;
    private final long length;
    private final boolean exactLength;
    private final float[][] frame;
    private Bitstream bitstream;
    private Decoder decoder;
    private FloatOutput output;
    private long audioBytes;
    private int frameLength;
    private int framePos;
    private long drop;
    private long position;
    private boolean ended;
    private boolean closed;

    /** @param audioEnd the byte offset where the audio ends (before an ID3v1 tag), -1 for a stream */
    Mp3Source(String source, Mp3Headers headers, FileChannel channel, InputStream stream, long audioEnd) {
        this.source = source;
        this.headers = headers;
        this.channel = channel;
        this.stream = stream;
        this.audioEnd = audioEnd;
        this.format = new AudioFormat(headers.first().sampleRate(), headers.first().channels());
        this.length = headers.length(audioEnd < 0 ? -1 : audioEnd - headers.audioStart());
        this.exactLength = headers.frames() >= 0;
        this.frame = new float[format.channels()][FloatOutput.MAX_SAMPLES];
    }

    /** (Re)starts decoding at the first frame; {@code skipFrames} frames are passed over undecoded. */
    void restart(long skipFrames) throws IOException {
        InputStream in;
        if (channel != null) {
            channel.position(headers.audioStart());
            // Bounded so JLayer's frame search never wanders into a trailing ID3v1 tag.
            in = new BoundedInput(Channels.newInputStream(channel), audioEnd - headers.audioStart());
        } else {
            in = new SequenceInputStream(new ByteArrayInputStream(headers.head()), stream);
            stream = null; // a stream starts once
        }
        bitstream = new Bitstream(in);
        decoder = new Decoder();
        output = new FloatOutput();
        decoder.setOutputBuffer(output);
        audioBytes = 0;
        ended = false;
        frameLength = 0;
        framePos = 0;
        if (headers.infoFrame()) {
            skipFrame();
        }
        for (long i = 0; i < skipFrames && !ended; i++) {
            skipFrame();
        }
    }

    private void skipFrame() throws IOException {
        Header h = readHeader();
        if (h != null) {
            bitstream.closeFrame();
        }
    }

    private Header readHeader() throws IOException {
        Header h;
        try {
            h = bitstream.readFrame();
        } catch (BitstreamException | RuntimeException e) {
            throw new AudioDecodingException(source, "corrupt frame after sample " + position + ": " + e, e);
        }
        if (h == null) {
            ended = true;
            return null;
        }
        MpegHeader mine = MpegHeader.parse(intBytes(h.getSyncHeader()), 0);
        if (mine == null || !mine.sameStream(headers.first())) {
            throw new AudioDecodingException(source, "frame after sample " + position + " changes the format");
        }
        audioBytes += mine.frameBytes();
        return h;
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public long frameLength() {
        return length;
    }

    @Override
    public int read(float[][] destination, int offset, int maxFrames) throws IOException {
        if (closed) {
            throw new IOException(source + ": source is closed");
        }
        if (maxFrames <= 0) {
            return 0;
        }
        while (framePos >= frameLength || drop > 0) {
            if (framePos < frameLength) {
                int d = (int) Math.min(drop, frameLength - framePos);
                framePos += d;
                drop -= d;
                continue;
            }
            if (ended || !nextFrame()) {
                return -1;
            }
        }
        int n = Math.min(maxFrames, frameLength - framePos);
        if (exactLength) {
            if (position >= length) {
                ended = true;
                return -1;
            }
            n = (int) Math.min(n, length - position);
        }
        for (int c = 0; c < frame.length; c++) {
            System.arraycopy(frame[c], framePos, destination[c], offset, n);
        }
        framePos += n;
        position += n;
        return n;
    }

    private boolean nextFrame() throws IOException {
        Header h = readHeader();
        if (h == null) {
            if (exactLength && position + headers.first().samplesPerFrame() < length) {
                throw new AudioDecodingException(source, "data ends at sample " + position + " of the " + length
                        + " the Xing header claims: the file is truncated");
            }
            return false;
        }
        if (audioEnd >= 0 && headers.audioStart() + audioBytes > audioEnd) {
            ended = true;
            throw new AudioDecodingException(source, "the frame after sample " + position
                    + " is cut short: the file is truncated");
        }
        try {
            output.clear_buffer();
            decoder.decodeFrame(h, bitstream);
        } catch (DecoderException | RuntimeException e) {
            throw new AudioDecodingException(source, "corrupt frame after sample " + position + ": " + e, e);
        } finally {
            bitstream.closeFrame();
        }
        int spf = headers.first().samplesPerFrame();
        for (int c = 0; c < frame.length; c++) {
            // A channel JLayer did not fill (a reservoir-less frame after a seek, a mono frame in a
            // stereo stream) becomes silence or a copy of channel 0: the timeline stays exact.
            int got = output.count[c];
            float[] from = got > 0 ? output.samples[c] : output.samples[0];
            got = got > 0 ? got : output.count[0];
            float[] to = frame[c];
            for (int i = 0; i < got; i++) {
                to[i] = from[i] * SCALE;
            }
            java.util.Arrays.fill(to, got, spf, 0f);
        }
        frameLength = spf;
        framePos = 0;
        return true;
    }

    @Override
    public boolean seekable() {
        return channel != null;
    }

    /**
     * Restarts, passes over whole frames by their headers only (no decoding: I/O speed), decodes
     * {@value #PRIME_FRAMES} frames before the target to restore the decoder state, and drops up to
     * the target sample.
     */
    @Override
    public void seek(long frame) throws IOException {
        if (channel == null) {
            throw new UnsupportedOperationException(source + ": a stream cannot seek");
        }
        if (frame < 0) {
            throw new IllegalArgumentException("frame < 0: " + frame);
        }
        int spf = headers.first().samplesPerFrame();
        long timeline = frame + headers.skipSamples();
        long start = Math.max(0, timeline / spf - PRIME_FRAMES);
        restart(start);
        drop = timeline - start * spf;
        position = frame;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                if (bitstream != null) {
                    bitstream.close();
                }
            } catch (BitstreamException e) {
                // closing: nothing to report
            }
            if (channel != null) {
                channel.close();
            } else if (stream != null) {
                stream.close();
            }
        }
    }

    /** At most {@code limit} bytes of {@code in}; closing it leaves the channel open for the next restart. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            left -= b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            left -= Math.max(0, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, left));
            left -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        public void close() {
        }
    }

    void startAtZero() throws IOException {
        restart(0);
        drop = headers.skipSamples();
        position = 0;
    }
}
