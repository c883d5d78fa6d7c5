package org.segue.plugin.decoder.wav.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;

class WavDecoderTest {
    static final int RATE = 44100;
    static final int FRAMES = 10_000;

    @TempDir
    Path dir;

    final WavDecoder decoder = new WavDecoder();

    /** Reads a whole source with an odd block size, so block edges fall everywhere. */
    static float[][] readAll(PcmSource source) throws IOException {
        int channels = source.format().channels();
        float[][] all = new float[channels][0];
        float[][] block = new float[channels][1000];
        int total = 0;
        int n;
        while ((n = source.read(block, 3, 997)) > 0) {
            for (int c = 0; c < channels; c++) {
                all[c] = Arrays.copyOf(all[c], total + n);
                System.arraycopy(block[c], 3, all[c], total, n);
            }
            total += n;
        }
        assertEquals(-1, n);
        return all;
    }

    static void assertSamples(int[] samples16, int channels, int bytes, float[][] decoded) {
        int frames = samples16.length / channels;
        for (int c = 0; c < channels; c++) {
            assertEquals(frames, decoded[c].length);
            for (int f = 0; f < frames; f++) {
                float expected = Fixtures.expected(samples16[f * channels + c], bytes);
                if (expected != decoded[c][f]) {
                    assertEquals(expected, decoded[c][f], "channel " + c + " frame " + f);
                }
            }
        }
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @ParameterizedTest(name = "{0}-bit integer, {1} channels")
    @CsvSource({"8,1", "8,2", "16,1", "16,2", "24,2", "32,2", "16,6"})
    void integerPcmIsSampleExact(int bits, int channels) throws IOException {
        int[] s = Fixtures.sine(FRAMES, channels, RATE, 30000);
        Path file = write("pcm.wav", Fixtures.wav(Fixtures.fmt(1, channels, RATE, bits), Fixtures.pcm(s, bits / 8, false)));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(RATE, source.format().sampleRate());
            assertEquals(channels, source.format().channels());
            assertEquals(FRAMES, source.frameLength());
            assertSamples(s, channels, bits / 8, readAll(source));
        }
    }

    @ParameterizedTest(name = "float, doubles={0}")
    @CsvSource({"false", "true"})
    void floatPcmIsSampleExact(boolean doubles) throws IOException {
        int[] s = Fixtures.sine(FRAMES, 2, RATE, 30000);
        Path file = write("float.wav", Fixtures.wav(Fixtures.fmt(3, 2, RATE, doubles ? 64 : 32),
                Fixtures.floats(s, doubles, false)));
        try (PcmSource source = decoder.open(file)) {
            assertSamples(s, 2, 2, readAll(source));
        }
    }

    @ParameterizedTest(name = "extensible sub-format {0}, {1} bits")
    @CsvSource({"1,24", "1,32", "3,32"})
    void extensibleFormat(int subFormat, int bits) throws IOException {
        int[] s = Fixtures.sine(FRAMES, 2, 48000, 20000);
        byte[] data = subFormat == 3 ? Fixtures.floats(s, false, false) : Fixtures.pcm(s, bits / 8, false);
        Path file = write("ext.wav", Fixtures.wav(Fixtures.fmtExtensible(subFormat, 2, 48000, bits, bits), data));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(48000, source.format().sampleRate());
            assertSamples(s, 2, 2, readAll(source));
        }
    }

    @Test
    void jdkWrittenWavDecodes() throws Exception {
        int[] s = Fixtures.sine(FRAMES, 2, RATE, 12345);
        byte[] data = Fixtures.pcm(s, 2, false);
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false);
        Path file = dir.resolve("jdk.wav");
        try (var in = new javax.sound.sampled.AudioInputStream(new ByteArrayInputStream(data), format, FRAMES)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
        }
        try (PcmSource source = decoder.open(file)) {
            assertSamples(s, 2, 2, readAll(source));
        }
    }

    @Test
    void seekLandsOnTheFrame() throws IOException {
        int[] s = Fixtures.sine(FRAMES, 2, RATE, 30000);
        Path file = write("seek.wav", Fixtures.wav(Fixtures.fmt(1, 2, RATE, 24), Fixtures.pcm(s, 3, false)));
        try (PcmSource source = decoder.open(file)) {
            assertTrue(source.seekable());
            float[][] block = new float[2][10];
            for (int target : new int[] {7777, 3, 9990, 0}) {
                source.seek(target);
                int n = source.read(block, 0, 10);
                assertEquals(Math.min(10, FRAMES - target), n);
                for (int i = 0; i < n; i++) {
                    assertEquals(Fixtures.expected(s[(target + i) * 2 + 1], 3), block[1][i]);
                }
            }
            source.seek(FRAMES);
            assertEquals(-1, source.read(block, 0, 10));
            source.seek(FRAMES + 100);
            assertEquals(-1, source.read(block, 0, 10));
        }
    }

    @Test
    void streamOpensWithoutSeeking() throws IOException {
        int[] s = Fixtures.sine(FRAMES, 1, RATE, 30000);
        byte[] bytes = Fixtures.wav(Fixtures.fmt(1, 1, RATE, 16), Fixtures.pcm(s, 2, false),
                Fixtures.chunk("junk", new byte[33], ByteOrder.LITTLE_ENDIAN));
        try (PcmSource source = decoder.open(new ByteArrayInputStream(bytes), "net.wav")) {
            assertFalse(source.seekable());
            assertSamples(s, 1, 2, readAll(source));
        }
    }

    @Test
    void placeholderDataSizeReadsToTheEnd() throws IOException {
        int[] s = Fixtures.sine(FRAMES, 2, RATE, 30000);
        byte[] bytes = Fixtures.wav(Fixtures.fmt(1, 2, RATE, 16), Fixtures.pcm(s, 2, false));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1).putInt(40, -1);
        try (PcmSource source = decoder.open(write("piped.wav", bytes))) {
            assertEquals(-1, source.frameLength());
            assertSamples(s, 2, 2, readAll(source));
        }
    }

    @Test
    void rf64WithDs64Chunk() throws IOException {
        int[] s = Fixtures.sine(FRAMES, 2, RATE, 30000);
        byte[] data = Fixtures.pcm(s, 2, false);
        ByteBuffer ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        ds64.putLong(0).putLong(data.length).putLong(FRAMES).putInt(0);
        byte[] bytes = Fixtures.wav(Fixtures.fmt(1, 2, RATE, 16), data);
        byte[] rf64 = rf64(bytes, ds64.array());
        for (String id : new String[] {"RF64", "BW64"}) {
            System.arraycopy(id.getBytes(), 0, rf64, 0, 4);
            Path file = write("big.wav", rf64);
            assertTrue(decoder.accepts("big.wav", Arrays.copyOf(rf64, 64)));
            try (PcmSource source = decoder.open(file)) {
                assertEquals(FRAMES, source.frameLength());
                assertSamples(s, 2, 2, readAll(source));
            }
        }
    }

    /** Turns a RIFF file into RF64: ds64 chunk first, 32-bit sizes set to 0xFFFFFFFF. */
    static byte[] rf64(byte[] riff, byte[] ds64Body) {
        byte[] ds64 = Fixtures.chunk("ds64", ds64Body, ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(riff.length + ds64.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RF64".getBytes()).putInt(-1).put(riff, 8, 4).put(ds64).put(riff, 12, riff.length - 12);
        byte[] b = out.array();
        // The data chunk header follows fmt (8 + 16 bytes) after the ds64 chunk.
        int dataSizeAt = 12 + ds64.length + 24 + 4;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(dataSizeAt, -1);
        return b;
    }

    /**
     * A real RF64 file over 4 GB, made sparse so it costs no disk: the header claims 5 GB of data
     * and the test writes known frames past the 4 GB mark, then seeks there.
     */
    @Test
    void rf64OverFourGigabytesSeeksPastTheLimit() throws IOException {
        long dataBytes = 5L << 30;
        long frames = dataBytes / 4;
        ByteBuffer ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        ds64.putLong(dataBytes + 100).putLong(dataBytes).putLong(frames).putInt(0);
        byte[] header = rf64(Fixtures.wav(Fixtures.fmt(1, 2, RATE, 16), new byte[0]), ds64.array());
        Path file = dir.resolve("huge.rf64");
        long target = (4L << 30) / 4 + 12_345; // a frame past the 4 GB mark
        int[] s = Fixtures.sine(100, 2, RATE, 30000);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header);
            raf.seek(header.length + target * 4);
            raf.write(Fixtures.pcm(s, 2, false));
            raf.setLength(header.length + dataBytes);
        }
        assumeTrue(Files.size(file) > (4L << 30), "file system without large files");
        try (PcmSource source = decoder.open(file)) {
            assertEquals(frames, source.frameLength());
            source.seek(target);
            float[][] block = new float[2][100];
            assertEquals(100, source.read(block, 0, 100));
            for (int i = 0; i < 100; i++) {
                assertEquals(s[i * 2] / 32768f, block[0][i]);
            }
        }
    }

    @Test
    void tagsFromInfoAndId3Chunks() throws IOException {
        int[] s = Fixtures.sine(100, 1, RATE, 30000);
        byte[] id3 = Fixtures.chunk("id3 ", Fixtures.id3("TBPM", "126.5", "TKEY", "Am", "TCON", "House"),
                ByteOrder.LITTLE_ENDIAN);
        Path file = write("tags.wav", Fixtures.wav(Fixtures.fmt(1, 1, RATE, 16), Fixtures.pcm(s, 2, false),
                Fixtures.info("IART", "Artist Ä", "INAM", "Title", "IPRD", "Album"), id3));
        TrackTags tags = decoder.readTags(file);
        assertEquals("Artist Ä", tags.artist());
        assertEquals("Title", tags.title());
        assertEquals("Album", tags.album());
        assertEquals("House", tags.genre());
        assertEquals(126.5, tags.bpm());
        assertEquals("Am", tags.key());
    }

    @Test
    void tagsAfterTheDataChunkAndGarbageBpm() throws IOException {
        int[] s = Fixtures.sine(101, 1, RATE, 30000);
        byte[] wav = Fixtures.wav(Fixtures.fmt(1, 1, 8000, 8), Fixtures.pcm(s, 1, false));
        byte[] tail = Fixtures.info("IART", "After", "IBPM", "0");
        byte[] all = Arrays.copyOf(wav, wav.length + tail.length);
        System.arraycopy(tail, 0, all, wav.length, tail.length);
        TrackTags tags = decoder.readTags(write("tail.wav", all));
        assertEquals("After", tags.artist());
        assertNull(tags.bpm());
        assertEquals(TrackTags.empty(), decoder.readTags(write("none.wav", wav)));
    }

    @Test
    void ffmpegWrittenTagsRoundTrip() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "ffmpeg is not installed");
        Path in = write("plain.wav", Fixtures.wav(Fixtures.fmt(1, 1, RATE, 16),
                Fixtures.pcm(Fixtures.sine(4410, 1, RATE, 30000), 2, false)));
        Path out = dir.resolve("tagged.wav");
        Process p = new ProcessBuilder("/usr/bin/ffmpeg", "-v", "error", "-y", "-i", in.toString(),
                "-metadata", "artist=Röyksopp", "-metadata", "title=Eple", "-metadata", "album=Melody A.M.",
                "-metadata", "genre=Electronic", out.toString()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed");
        TrackTags tags = decoder.readTags(out);
        assertEquals("Röyksopp", tags.artist());
        assertEquals("Eple", tags.title());
        assertEquals("Melody A.M.", tags.album());
        assertEquals("Electronic", tags.genre());
        // ffmpeg's WAV muxer writes LIST/INFO only; BPM and key come from id3 chunks (test above).
        try (PcmSource source = decoder.open(out)) {
            assertEquals(4410, source.frameLength());
            assertArrayEquals(readAll(decoder.open(in))[0], readAll(source)[0]);
        }
    }
}
