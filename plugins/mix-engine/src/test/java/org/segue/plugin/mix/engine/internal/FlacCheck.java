package org.segue.plugin.mix.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;

import org.segue.api.audio.PcmSource;
import org.segue.plugin.decoder.flac.internal.FlacDecoder;

/** Test helpers: write a signal through {@link FlacWriter}, decode it back two ways, read STREAMINFO. */
final class FlacCheck {

    static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    private FlacCheck() {
    }

    /** Writes {@code signal} in uneven chunks, as a renderer would; returns the quantised samples. */
    static int[][] encode(float[][] signal, int rate, Path file) throws IOException {
        int n = signal[0].length;
        try (FlacWriter w = new FlacWriter(file, rate)) {
            int[] chunks = {512, 1, 333, 4096, 5000};
            float[][] buf = new float[2][5000];
            for (int pos = 0, c = 0; pos < n; c++) {
                int len = Math.min(chunks[c % chunks.length], n - pos);
                for (int ch = 0; ch < 2; ch++) {
                    System.arraycopy(signal[ch], pos, buf[ch], 0, len);
                }
                w.write(buf, len);
                pos += len;
            }
        }
        int[][] q = new int[2][n];
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < n; i++) {
                q[ch][i] = FlacWriter.quantise(signal[ch][i]);
            }
        }
        return q;
    }

    /** Decodes with the project's own FLAC decoder bundle (jflac inside). */
    static int[][] decodeWithBundle(Path file) throws IOException {
        try (PcmSource src = new FlacDecoder().open(file)) {
            assertEquals(2, src.format().channels());
            int total = (int) src.frameLength();
            int[][] out = new int[2][total];
            float[][] buf = new float[2][4096];
            int pos = 0;
            for (int got; (got = src.read(buf, 0, 4096)) > 0; pos += got) {
                if (pos + got > total) {
                    throw new AssertionError("decoder returned more than STREAMINFO's " + total + " frames");
                }
                for (int ch = 0; ch < 2; ch++) {
                    for (int i = 0; i < got; i++) {
                        out[ch][pos + i] = Math.round(buf[ch][i] * 8_388_608f);
                    }
                }
            }
            assertEquals(total, pos, "frames decoded");
            return out;
        }
    }

    /** Decodes with ffmpeg to s32le; fails if ffmpeg reports any error (CRC mismatches among them). */
    static int[][] decodeWithFfmpeg(Path file) throws IOException, InterruptedException {
        Path err = Files.createTempFile(file.getParent(), "ffmpeg", ".log");
        Process p = new ProcessBuilder(FFMPEG.toString(), "-nostdin", "-v", "error", "-i", file.toString(),
                "-f", "s32le", "-").redirectError(err.toFile()).start();
        byte[] raw = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("ffmpeg hung");
        }
        String log = Files.readString(err);
        assertEquals(0, p.exitValue(), log);
        assertEquals("", log.strip(), "ffmpeg complained");
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int n = raw.length / 8;
        int[][] out = new int[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = b.getInt() >> 8;
            out[1][i] = b.getInt() >> 8;
        }
        return out;
    }

    /** MD5 of the samples as RFC 9639 defines it: interleaved, little-endian, 3 bytes per 24-bit sample. */
    static byte[] md5(int[][] s) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] b = new byte[s[0].length * 6];
            for (int i = 0, k = 0; i < s[0].length; i++) {
                for (int ch = 0; ch < 2; ch++) {
                    b[k++] = (byte) s[ch][i];
                    b[k++] = (byte) (s[ch][i] >> 8);
                    b[k++] = (byte) (s[ch][i] >> 16);
                }
            }
            return md.digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record StreamInfo(int minBlock, int maxBlock, int minFrame, int maxFrame, int rate, int channels, int bits,
            long totalSamples, byte[] md5) {
    }

    static StreamInfo streamInfo(Path file) throws IOException {
        byte[] f = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34},
                java.util.Arrays.copyOf(f, 8), "magic and a lone, last STREAMINFO block of 34 bytes");
        ByteBuffer b = ByteBuffer.wrap(f, 8, 34);
        int minBlock = b.getShort() & 0xffff;
        int maxBlock = b.getShort() & 0xffff;
        int minFrame = (b.get() & 0xff) << 16 | (b.getShort() & 0xffff);
        int maxFrame = (b.get() & 0xff) << 16 | (b.getShort() & 0xffff);
        long packed = b.getLong();
        int rate = (int) (packed >>> 44);
        int channels = (int) (packed >>> 41 & 7) + 1;
        int bits = (int) (packed >>> 36 & 31) + 1;
        long total = packed & 0xf_ffff_ffffL;
        byte[] md5 = new byte[16];
        b.get(md5);
        return new StreamInfo(minBlock, maxBlock, minFrame, maxFrame, rate, channels, bits, total, md5);
    }
}
