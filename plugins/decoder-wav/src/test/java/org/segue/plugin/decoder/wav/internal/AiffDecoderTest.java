package org.segue.plugin.decoder.wav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.segue.plugin.decoder.wav.internal.WavDecoderTest.assertSamples;
import static org.segue.plugin.decoder.wav.internal.WavDecoderTest.readAll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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

class AiffDecoderTest {
    static final int FRAMES = 10_000;

    @TempDir
    Path dir;

    final AiffDecoder decoder = new AiffDecoder();

    @ParameterizedTest(name = "{0} {1}-bit, {2} channels")
    @CsvSource({"NONE,8,1", "NONE,16,2", "NONE,24,2", "NONE,32,2", "twos,16,2", "sowt,16,2", "sowt,24,1"})
    void integerPcmIsSampleExact(String compression, int bits, int channels) throws IOException {
        int[] s = Fixtures.sine(FRAMES, channels, 44100, 30000);
        boolean aifc = !compression.equals("NONE");
        byte[] data = Fixtures.pcm(s, bits / 8, !compression.equals("sowt"));
        if (bits == 8) {
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (s[i] >> 8); // AIFF bytes are signed
            }
        }
        Path file = Files.write(dir.resolve("a.aif"), Fixtures.aiff(aifc ? compression : null, channels, FRAMES,
                bits, 44100, data));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(44100, source.format().sampleRate());
            assertEquals(channels, source.format().channels());
            assertEquals(FRAMES, source.frameLength());
            assertSamples(s, channels, bits / 8, readAll(source));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fl32", "fl64"})
    void floatAifc(String compression) throws IOException {
        int[] s = Fixtures.sine(FRAMES, 2, 96000, 30000);
        boolean doubles = compression.equals("fl64");
        Path file = Files.write(dir.resolve("f.aifc"), Fixtures.aiff(compression, 2, FRAMES, doubles ? 64 : 32,
                96000, Fixtures.floats(s, doubles, true)));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(96000, source.format().sampleRate());
            assertSamples(s, 2, 2, readAll(source));
        }
    }

    @Test
    void jdkWrittenAiffDecodesAndSeeks() throws Exception {
        int[] s = Fixtures.sine(FRAMES, 2, 22050, 12345);
        byte[] data = Fixtures.pcm(s, 2, true);
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(22050, 16, 2, true, true);
        Path file = dir.resolve("jdk.aiff");
        try (var in = new javax.sound.sampled.AudioInputStream(new ByteArrayInputStream(data), format, FRAMES)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.AIFF, file.toFile());
        }
        assertTrue(decoder.accepts("jdk.aiff", Arrays.copyOf(Files.readAllBytes(file), 64)));
        assertFalse(new WavDecoder().accepts("jdk.aiff", Arrays.copyOf(Files.readAllBytes(file), 64)));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(22050, source.format().sampleRate());
            assertSamples(s, 2, 2, readAll(source));
            source.seek(4321);
            float[][] block = new float[2][5];
            assertEquals(5, source.read(block, 0, 5));
            assertEquals(s[4321 * 2] / 32768f, block[0][0]);
        }
        try (PcmSource source = decoder.open(Files.newInputStream(file), "jdk.aiff")) {
            assertSamples(s, 2, 2, readAll(source));
        }
    }

    @Test
    void tagsFromTextAndId3Chunks() throws IOException {
        int[] s = Fixtures.sine(100, 1, 44100, 30000);
        Path file = Files.write(dir.resolve("t.aiff"), Fixtures.aiff(null, 1, 100, 16, 44100,
                Fixtures.pcm(s, 2, true),
                Fixtures.chunk("NAME", "Song".getBytes(), ByteOrder.BIG_ENDIAN),
                Fixtures.chunk("ID3 ", Fixtures.id3("TPE1", "Band", "TBPM", "174", "TKEY", "8A"), ByteOrder.BIG_ENDIAN)));
        TrackTags tags = decoder.readTags(file);
        assertEquals("Song", tags.title());
        assertEquals("Band", tags.artist());
        assertEquals(174.0, tags.bpm());
        assertEquals("8A", tags.key());
    }

    @Test
    void ffmpegWrittenTagsRoundTrip() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "ffmpeg is not installed");
        Path out = dir.resolve("ff.aiff");
        Process p = new ProcessBuilder("/usr/bin/ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=0.5", "-metadata", "artist=Björk", "-metadata",
                "title=Jóga", "-metadata", "album=Homogenic", "-metadata", "genre=Pop", "-metadata", "TBPM=92",
                "-metadata", "TKEY=C#m", "-write_id3v2", "1", out.toString()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed");
        TrackTags tags = decoder.readTags(out);
        assertEquals("Björk", tags.artist());
        assertEquals("Jóga", tags.title());
        assertEquals("Homogenic", tags.album());
        assertEquals("Pop", tags.genre());
        assertEquals(92.0, tags.bpm());
        assertEquals("C#m", tags.key());
        try (PcmSource source = decoder.open(out)) {
            assertEquals(48000, source.format().sampleRate());
            assertEquals(24000, source.frameLength());
            float[] x = readAll(source)[0];
            // ffmpeg's sine source has amplitude 1/8: a 440 Hz sine within 16-bit rounding.
            for (int i = 0; i < x.length; i++) {
                assertEquals(0.125 * Math.sin(2 * Math.PI * 440 * i / 48000), x[i], 1e-4);
            }
        }
    }

    @Test
    void extendedRates() {
        for (double rate : new double[] {8000, 11025, 44100, 48000, 96000, 192000, 768000}) {
            assertEquals(rate, AiffParser.extended(Fixtures.extended(rate), 0));
        }
    }
}
