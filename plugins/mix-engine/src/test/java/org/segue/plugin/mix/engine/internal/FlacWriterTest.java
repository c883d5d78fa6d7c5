package org.segue.plugin.mix.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlacWriterTest {

    @TempDir
    Path dir;

    static Stream<Arguments> signals() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int rate : new int[] {44_100, 48_000}) {
            b.add(Arguments.of("silence", rate, 10_000));
            b.add(Arguments.of("sine", rate, 3 * 4096 + 123));
            b.add(Arguments.of("noise", rate, 2 * 4096));
            b.add(Arguments.of("clicks", rate, 30_000));
            b.add(Arguments.of("step", rate, 9_000));
            b.add(Arguments.of("sine", rate, 100));
            b.add(Arguments.of("noise", rate, 10));
            b.add(Arguments.of("step", rate, 1));
            b.add(Arguments.of("mix", rate, 5 * 4096 + 4095));
            b.add(Arguments.of("music", rate, 3 * rate + 17));
        }
        return b.build();
    }

    static float[][] signal(String kind, int rate, int n) {
        if (kind.equals("music")) {
            return FlacWriterBenchmarkTest.music(n);
        }
        float[][] s = new float[2][n];
        Random random = new Random(kind.hashCode() * 31L + n);
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            switch (kind) {
                case "sine" -> {
                    s[0][i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * t));
                    s[1][i] = (float) (0.6 * Math.sin(2 * Math.PI * 660 * t + 1));
                }
                case "noise" -> { // beyond full scale on purpose: the clamp is part of the quantisation
                    s[0][i] = (float) (random.nextDouble() * 2.2 - 1.1);
                    s[1][i] = (float) (random.nextDouble() * 2 - 1);
                }
                case "clicks" -> {
                    s[0][i] = i % 4410 == 0 ? 1f : 0f;
                    s[1][i] = i % 4410 == 7 ? -1f : 0f;
                }
                case "step" -> {
                    s[0][i] = i < n / 2 ? 0.5f : -0.7f;
                    s[1][i] = 0.25f;
                }
                case "mix" -> {
                    s[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 100 * t) + 0.01 * random.nextGaussian());
                    s[1][i] = (float) (s[0][i] * 0.9 + 0.3 * Math.sin(2 * Math.PI * 3000 * t));
                }
                default -> {
                }
            }
        }
        return s;
    }

    @ParameterizedTest(name = "{0} at {1} Hz, {2} frames")
    @MethodSource("signals")
    void decodesBitExactWithTheBundleDecoder(String kind, int rate, int n) throws Exception {
        Path file = dir.resolve(kind + ".flac");
        int[][] expected = FlacCheck.encode(signal(kind, rate, n), rate, file);
        FlacCheck.StreamInfo info = FlacCheck.streamInfo(file);
        assertEquals(n, info.totalSamples(), "STREAMINFO total samples");
        assertEquals(rate, info.rate());
        assertEquals(2, info.channels());
        assertEquals(24, info.bits());
        assertEquals(4096, info.minBlock());
        assertEquals(4096, info.maxBlock());
        assertTrue(info.minFrame() > 0 && info.minFrame() <= info.maxFrame(), info.toString());
        assertArrayEquals(FlacCheck.md5(expected), info.md5(), "STREAMINFO MD5 of the input");
        int[][] decoded = FlacCheck.decodeWithBundle(file);
        assertArrayEquals(expected[0], decoded[0], "left");
        assertArrayEquals(expected[1], decoded[1], "right");
        assertArrayEquals(info.md5(), FlacCheck.md5(decoded), "MD5 of the decoded audio");
    }

    @ParameterizedTest(name = "{0} at {1} Hz, {2} frames")
    @MethodSource("signals")
    void decodesBitExactWithFfmpeg(String kind, int rate, int n) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(FlacCheck.FFMPEG), "ffmpeg is not installed");
        Path file = dir.resolve(kind + ".flac");
        int[][] expected = FlacCheck.encode(signal(kind, rate, n), rate, file);
        int[][] decoded = FlacCheck.decodeWithFfmpeg(file);
        assertEquals(n, decoded[0].length, "frames decoded by ffmpeg");
        assertArrayEquals(expected[0], decoded[0], "left");
        assertArrayEquals(expected[1], decoded[1], "right");
        assertArrayEquals(FlacCheck.streamInfo(file).md5(), FlacCheck.md5(decoded), "MD5 of the decoded audio");
    }

    @Test
    void everyStereoDecorrelationIsUsedAndDecodes() throws Exception {
        Path file = dir.resolve("modes.flac");
        int n = 44_100 * 4;
        float[][] s = FlacWriterBenchmarkTest.music(n);
        for (int i = 0; i < 4096 * 4; i++) { // a stretch with unrelated channels, one with a near-mono pair
            s[1][i] = i < 4096 * 2 ? (float) Math.sin(i * 0.37) * 0.9f : s[0][i] + (i % 3) * 1e-6f;
        }
        long[] modes;
        try (FlacWriter w = new FlacWriter(file, 44_100)) {
            w.write(s, n);
            w.close();
            modes = w.assignments();
        }
        assertTrue(modes[0b0001] > 0 && modes[0b1000] > 0 && modes[0b1001] > 0 && modes[0b1010] > 0,
                java.util.Arrays.toString(modes));
        int[][] decoded = FlacCheck.decodeWithBundle(file);
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < n; i++) {
                assertEquals(FlacWriter.quantise(s[ch][i]), decoded[ch][i], "channel " + ch + " sample " + i);
            }
        }
    }

    @Test
    void emptyStreamIsValid() throws Exception {
        Path file = dir.resolve("empty.flac");
        new FlacWriter(file, 44_100).close();
        FlacCheck.StreamInfo info = FlacCheck.streamInfo(file);
        assertEquals(0, info.totalSamples());
        assertEquals(42, Files.size(file));
        assertArrayEquals(FlacCheck.md5(new int[2][0]), info.md5());
    }

    @Test
    void quantisesLikeWavWriter() throws Exception {
        float[][] s = signal("noise", 44_100, 1000);
        Path wav = dir.resolve("x.wav");
        try (WavWriter w = new WavWriter(wav, 44_100, 1000)) {
            w.write(s, 1000);
        }
        byte[] pcm = Files.readAllBytes(wav);
        int[][] q = FlacCheck.encode(s, 44_100, dir.resolve("x.flac"));
        for (int i = 0; i < 1000; i++) {
            for (int ch = 0; ch < 2; ch++) {
                int o = 44 + i * 6 + ch * 3;
                int v = (pcm[o] & 0xff) | (pcm[o + 1] & 0xff) << 8 | pcm[o + 2] << 16;
                assertEquals(v, q[ch][i]);
            }
        }
    }

    @Test
    void checksumsMatchTheirCatalogueValues() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xF4, Crc.crc8(check, 0, 9)); // CRC-8 (poly 0x07)
        assertEquals(0xFEE8, Crc.crc16(check, 0, 9)); // CRC-16/UMTS a.k.a. BUYPASS (poly 0x8005)
    }

    @Test
    void codesFrameNumbersLikeUtf8() {
        assertArrayEquals(new byte[] {0x7f}, coded(0x7f));
        assertArrayEquals(new byte[] {(byte) 0xC2, (byte) 0x80}, coded(0x80));
        assertArrayEquals(new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}, coded(0x20AC));
        assertArrayEquals(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, coded(0x1F600));
        assertEquals(7, coded((1L << 36) - 1).length);
        assertEquals((byte) 0xFE, coded((1L << 36) - 1)[0]);
    }

    private static byte[] coded(long v) {
        BitWriter w = new BitWriter(8);
        FlacFrameEncoder.writeCodedNumber(w, v);
        return java.util.Arrays.copyOf(w.bytes(), w.length());
    }
}
