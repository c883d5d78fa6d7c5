package org.segue.plugin.mix.engine.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Streams stereo 24-bit FLAC (RFC 9639) with a fixed blocksize of 4096. STREAMINFO is written first
 * with placeholders and patched when the file is closed: total samples, frame size range and the MD5
 * of the unencoded audio, computed while streaming. Samples are quantised exactly as
 * {@link WavWriter} does, so a FLAC and a WAV render hold the same PCM.
 */
final class FlacWriter implements MixRenderer.FileSink {

    static final int BLOCK_SIZE = 4096;
    static final int BITS = 24;
    /** "fLaC", then the STREAMINFO block header (last block, type 0, length 34). */
    private static final int STREAMINFO_OFFSET = 8;

    private final Path file;
    private final int sampleRate;
    private final OutputStream out;
    private final FlacFrameEncoder encoder;
    private final BitWriter frame = new BitWriter(BLOCK_SIZE * 8);
    private final int[][] block = new int[2][BLOCK_SIZE];
    private final byte[] pcm = new byte[BLOCK_SIZE * 6];
    private final MessageDigest md5;
    private int fill;
    private long totalSamples;
    private long frameNumber;
    private int minFrame = Integer.MAX_VALUE;
    private int maxFrame;
    private boolean closed;

    FlacWriter(Path file, int sampleRate) throws IOException {
        if (sampleRate < 1 || sampleRate > 655_350) {
            throw new IllegalArgumentException("FLAC cannot hold a sample rate of " + sampleRate + " Hz");
        }
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
        this.file = file;
        this.sampleRate = sampleRate;
        this.encoder = new FlacFrameEncoder(BLOCK_SIZE, sampleRate, BITS);
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write(new byte[] {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34});
        out.write(streamInfo(new byte[16]));
    }

    @Override
    public void write(float[][] stereo, int frames) throws IOException {
        for (int i = 0; i < frames; i++) {
            block[0][fill] = quantise(stereo[0][i]);
            block[1][fill] = quantise(stereo[1][i]);
            if (++fill == BLOCK_SIZE) {
                flushBlock();
            }
        }
    }

    /** Frames written per channel assignment code, 0b0001 independent, 0b1000–0b1010 left/right/mid-side. */
    long[] assignments() {
        return encoder.assignments.clone();
    }

    /** Exactly {@link WavWriter}'s quantisation: clamp to [-1, 1], round to 24 bits. */
    static int quantise(float sample) {
        float v = Math.max(-1f, Math.min(1f, sample));
        return Math.round(v * 8_388_607f);
    }

    private void flushBlock() throws IOException {
        if (fill == 0) {
            return;
        }
        if (totalSamples + fill >= 1L << 36) {
            throw new IOException(file + ": the mix is longer than a FLAC stream can count (2^36 samples)");
        }
        int b = 0;
        for (int i = 0; i < fill; i++) {
            for (int c = 0; c < 2; c++) {
                int s = block[c][i];
                pcm[b++] = (byte) s;
                pcm[b++] = (byte) (s >> 8);
                pcm[b++] = (byte) (s >> 16);
            }
        }
        md5.update(pcm, 0, b);
        frame.reset();
        encoder.encode(block[0], block[1], fill, frameNumber++, frame);
        out.write(frame.bytes(), 0, frame.length());
        minFrame = Math.min(minFrame, frame.length());
        maxFrame = Math.max(maxFrame, frame.length());
        totalSamples += fill;
        fill = 0;
    }

    /** The 34-byte STREAMINFO body (RFC 9639 §8.2). */
    private byte[] streamInfo(byte[] digest) {
        BitWriter w = new BitWriter(34);
        w.writeBits(BLOCK_SIZE, 16);
        w.writeBits(BLOCK_SIZE, 16);
        w.writeBits(maxFrame == 0 ? 0 : minFrame, 24);
        w.writeBits(maxFrame, 24);
        w.writeBits(sampleRate, 20);
        w.writeBits(2 - 1, 3);
        w.writeBits(BITS - 1, 5);
        w.writeBits(totalSamples >>> 32, 4);
        w.writeBits(totalSamples, 32);
        for (byte d : digest) {
            w.writeBits(d, 8);
        }
        return java.util.Arrays.copyOf(w.bytes(), 34);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushBlock();
        } finally {
            out.close();
        }
        byte[] info = streamInfo(md5.digest());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(info);
            long pos = STREAMINFO_OFFSET;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
        }
    }
}
