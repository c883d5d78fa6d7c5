package org.segue.plugin.decoder.flac.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.api.testkit.DecoderFixtures.ffmpeg;
import static org.segue.api.testkit.DecoderFixtures.readAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.testkit.DecoderFixtures;

class FlacDecoderTest {
    static final int RATE = 44100;
    static final int FRAMES = 100_000;

    @TempDir
    Path dir;

    final FlacDecoder decoder = new FlacDecoder();

    Path flac(int[] samples, int channels, int bits, String... options) throws Exception {
        Path wav = DecoderFixtures.wav(dir.resolve("in.wav"), samples, channels, RATE, bits);
        String[] all = Arrays.copyOf(options, options.length + 2);
        all[options.length] = "-c:a";
        all[options.length + 1] = "flac";
        return ffmpeg(wav, dir.resolve("out.flac"), all);
    }

    static void assertExact(int[] samples, int channels, int bits, float[][] decoded) {
        float scale = 1f / (1 << (bits - 1));
        int frames = samples.length / channels;
        for (int c = 0; c < channels; c++) {
            assertEquals(frames, decoded[c].length);
            for (int f = 0; f < frames; f++) {
                if (samples[f * channels + c] * scale != decoded[c][f]) {
                    assertEquals(samples[f * channels + c] * scale, decoded[c][f], "channel " + c + " frame " + f);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} channels, {1} bits")
    @CsvSource({"2,16", "1,16", "2,24"})
    void decodesSampleExact(int channels, int bits) throws Exception {
        int[] s = DecoderFixtures.sine(FRAMES, channels, RATE, bits);
        Path file = flac(s, channels, bits);
        assertTrue(decoder.accepts("x.flac", Arrays.copyOf(Files.readAllBytes(file), 64)));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(RATE, source.format().sampleRate());
            assertEquals(channels, source.format().channels());
            assertEquals(FRAMES, source.frameLength());
            assertExact(s, channels, bits, readAll(source));
        }
        try (PcmSource source = decoder.open(Files.newInputStream(file), "x.flac")) {
            assertFalse(source.seekable());
            assertExact(s, channels, bits, readAll(source));
        }
    }

    @Test
    void seekLandsOnTheFrame() throws Exception {
        int frames = RATE * 30; // long enough for ffmpeg to write several seek points
        int[] s = DecoderFixtures.sine(frames, 2, RATE, 16);
        for (int i = 0; i < s.length; i++) {
            s[i] += (i * 7919) % 1001 - 500; // not periodic: a wrong frame cannot match by chance
        }
        Path file = flac(s, 2, 16);
        try (PcmSource source = decoder.open(file)) {
            assertTrue(source.seekable());
            float[][] block = new float[2][64];
            for (long target : new long[] {RATE * 20L + 17, 5, RATE * 25L, RATE * 11L + 4095, frames - 10, 0}) {
                source.seek(target);
                int n = source.read(block, 0, 64);
                assertEquals(Math.min(64, frames - target), n);
                for (int i = 0; i < n; i++) {
                    assertEquals(s[(int) (target + i) * 2 + 1] / 32768f, block[1][i], "at " + (target + i));
                }
            }
            source.seek(frames);
            assertEquals(-1, source.read(block, 0, 64));
        }
    }

    @Test
    void tagsRoundTrip() throws Exception {
        Path file = flac(DecoderFixtures.sine(4410, 1, RATE, 16), 1, 16, "-metadata", "artist=Daft Punk",
                "-metadata", "title=Aérodynamic", "-metadata", "album=Discovery", "-metadata", "genre=House",
                "-metadata", "BPM=123.5", "-metadata", "INITIALKEY=Fm");
        TrackTags tags = decoder.readTags(file);
        assertEquals("Daft Punk", tags.artist());
        assertEquals("Aérodynamic", tags.title());
        assertEquals("Discovery", tags.album());
        assertEquals("House", tags.genre());
        assertEquals(123.5, tags.bpm());
        assertEquals("Fm", tags.key());
        Path plain = flac(DecoderFixtures.sine(4410, 1, RATE, 16), 1, 16, "-metadata", "bpm=garbage", "-fflags",
                "+bitexact");
        assertNull(decoder.readTags(plain).bpm());
    }

    /** Opens and reads everything; returns the failure, which must name the file. */
    AudioDecodingException failure(Path file) {
        return DecoderFixtures.rejects(decoder, file, Duration.ofSeconds(10));
    }

    @Test
    void badInput() throws Exception {
        byte[] good = Files.readAllBytes(flac(DecoderFixtures.sine(FRAMES, 2, RATE, 16), 2, 16));
        assertTrue(failure(Files.write(dir.resolve("empty.flac"), new byte[0])).getMessage().contains("empty"));
        byte[] mp3 = Arrays.copyOf("ID3\u0004\0\0\0\0\0\0\u00ff\u00fb".getBytes("ISO-8859-1"), 500);
        assertFalse(decoder.accepts("song.flac", Arrays.copyOf(mp3, 64)));
        failure(Files.write(dir.resolve("mp3.flac"), mp3));
        byte[] wav = Files.readAllBytes(dir.resolve("in.wav"));
        assertFalse(decoder.accepts("song.flac", Arrays.copyOf(wav, 64)));
        assertTrue(failure(Files.write(dir.resolve("wav.flac"), wav)).getMessage().contains("WAV"));

        // Truncated: every complete frame is delivered, then the error.
        Path cut = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(good, good.length / 2));
        try (PcmSource source = decoder.open(cut)) {
            float[][] block = new float[2][4096];
            long frames = 0;
            AudioDecodingException e = null;
            try {
                int n;
                while ((n = source.read(block, 0, 4096)) >= 0) {
                    frames += n;
                }
            } catch (AudioDecodingException expected) {
                e = expected;
            }
            assertTrue(e != null && e.getMessage().contains("truncated"), String.valueOf(e));
            assertTrue(frames > FRAMES / 4 && frames < FRAMES, "delivered " + frames);
        }
        failure(Files.write(dir.resolve("header.flac"), Arrays.copyOf(good, 30)));

        byte[] rate = good.clone();
        rate[18] = 0; // STREAMINFO sample rate: 0 Hz
        rate[19] = 0;
        rate[20] &= 0x0f;
        assertTrue(failure(Files.write(dir.resolve("0hz.flac"), rate)).getMessage().contains("0 Hz"));
        byte[] block = good.clone();
        block[5] = 0x7f; // STREAMINFO length: 8 MB
        failure(Files.write(dir.resolve("block.flac"), block));
        byte[] corrupt = good.clone();
        for (int i = good.length / 2; i < good.length / 2 + 200; i++) {
            corrupt[i] ^= 0x5a;
        }
        assertTrue(failure(Files.write(dir.resolve("corrupt.flac"), corrupt)).getMessage().contains("corrupt"));
    }

    @Test
    void mutatedFilesNeverEscapeAsOtherExceptions() throws Exception {
        byte[] good = Files.readAllBytes(flac(DecoderFixtures.sine(20_000, 2, RATE, 16), 2, 16));
        long seed = System.nanoTime();
        System.out.println("FlacDecoderTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Path file = dir.resolve("m.flac");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 200; i++) {
                byte[] bad = good.clone();
                for (int k = random.nextInt(1, 6); k > 0; k--) {
                    int at = random.nextInt(5) == 0 ? random.nextInt(bad.length) : random.nextInt(Math.min(200, bad.length));
                    bad[at] = (byte) random.nextInt(256);
                }
                Files.write(file, bad);
                try (PcmSource source = decoder.open(file)) {
                    float[][] b = new float[source.format().channels()][4096];
                    while (source.read(b, 0, 4096) >= 0) {
                        // drain
                    }
                    decoder.readTags(file);
                } catch (AudioDecodingException expected) {
                    assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
                }
            }
        });
    }
}
