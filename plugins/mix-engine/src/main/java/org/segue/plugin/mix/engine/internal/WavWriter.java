package org.segue.plugin.mix.engine.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams stereo 24-bit PCM WAV. The sizes in the header are patched when the file is closed;
 * a mix too long for a 4 GB RIFF would need RF64, which is refused up front instead.
 */
final class WavWriter implements MixRenderer.FileSink {

    private static final long MAX_DATA = 0xFFFF_FFFFL - 36;

    private final Path file;
    private final OutputStream out;
    private final byte[] buffer;
    private long dataBytes;

    WavWriter(Path file, int sampleRate, int maxFrames) throws IOException {
        this.file = file;
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.buffer = new byte[maxFrames * 6];
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(0).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(sampleRate).putInt(sampleRate * 6).putShort((short) 6).putShort((short) 24);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt(0);
        out.write(h.array());
    }

    @Override
    public void write(float[][] stereo, int frames) throws IOException {
        if (dataBytes + frames * 6L > MAX_DATA) {
            throw new IOException(file + ": the mix is longer than a WAV file can hold (4 GB); render to FLAC");
        }
        int b = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < 2; c++) {
                float v = Math.max(-1f, Math.min(1f, stereo[c][i]));
                int s = Math.round(v * 8_388_607f);
                buffer[b++] = (byte) s;
                buffer[b++] = (byte) (s >> 8);
                buffer[b++] = (byte) (s >> 16);
            }
        }
        out.write(buffer, 0, b);
        dataBytes += b;
    }

    @Override
    public void close() throws IOException {
        out.close();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.write(size.putInt(0, (int) (36 + dataBytes)), 4);
            size.clear();
            ch.write(size.putInt(0, (int) dataBytes), 40);
        }
    }
}
