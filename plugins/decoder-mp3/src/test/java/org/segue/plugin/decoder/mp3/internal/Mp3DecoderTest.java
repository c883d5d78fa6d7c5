package org.segue.plugin.decoder.mp3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.testkit.DecoderFixtures;

class Mp3DecoderTest {
    static final int RATE = 44100;
    static final int FRAMES = 3 * RATE;

    @TempDir
    Path dir;

    final Mp3Decoder decoder = new Mp3Decoder();

    Path mp3(int frames, int channels, int rate, String... options) throws Exception {
        int[] s = DecoderFixtures.sine(frames, channels, rate, 16);
        Path wav = DecoderFixtures.wav(dir.resolve("in.wav"), s, channels, rate, 16);
        return ffmpeg(wav, dir.resolve("out.mp3"), options);
    }

    @Test
    void gaplessLengthLevelAndAlignment() throws Exception {
        Path file = mp3(FRAMES, 2, RATE, "-c:a", "libmp3lame", "-b:a", "192k");
        assertTrue(decoder.accepts("out.mp3", Arrays.copyOf(Files.readAllBytes(file), 64)));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(RATE, source.format().sampleRate());
            assertEquals(2, source.format().channels());
            assertEquals(FRAMES, source.frameLength(), "LAME tag: exact length");
            float[][] x = readAll(source);
            assertEquals(FRAMES, x[0].length);
            assertEquals(440, DecoderFixtures.frequency(x[0], 2000, FRAMES - 2000, RATE), 0.5);
            assertEquals(0.8 / Math.sqrt(2), DecoderFixtures.rms(x[0], 2000, FRAMES - 2000), 0.02);
            // Encoder and decoder delay removed: sample-aligned with the original.
            float[] original = new float[FRAMES];
            for (int i = 0; i < FRAMES; i++) {
                original[i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / RATE));
            }
            assertTrue(DecoderFixtures.correlation(original, x[0], 2000, FRAMES - 2000) > 0.999);
        }
    }

    @Test
    void monoMpeg2AndCbrWithoutXingHeader() throws Exception {
        Path file = mp3(RATE, 1, 22050, "-c:a", "libmp3lame", "-b:a", "64k", "-write_xing", "0");
        try (PcmSource source = decoder.open(file)) {
            assertEquals(22050, source.format().sampleRate());
            assertEquals(1, source.format().channels());
            float[] x = readAll(source)[0];
            // No LAME tag: the estimate and the decoded length include encoder delay and padding.
            assertEquals(x.length, source.frameLength(), 576);
            assertTrue(x.length >= RATE && x.length < RATE + 3 * 576, "length " + x.length);
            assertEquals(440, DecoderFixtures.frequency(x, 3000, RATE - 3000, 22050), 0.5);
        }
        try (PcmSource source = decoder.open(Files.newInputStream(file), "out.mp3")) {
            assertFalse(source.seekable());
            assertTrue(readAll(source)[0].length >= RATE);
        }
    }

    @Test
    void seekMatchesAFullDecode() throws Exception {
        Path file = mp3(FRAMES, 2, RATE, "-c:a", "libmp3lame", "-b:a", "128k");
        float[][] all;
        try (PcmSource source = decoder.open(file)) {
            all = readAll(source);
        }
        try (PcmSource source = decoder.open(file)) {
            float[][] block = new float[2][256];
            for (long target : new long[] {RATE * 2L + 77, 10, RATE + 1151, 0, FRAMES - 100}) {
                source.seek(target);
                int n = DecoderFixtures.readFully(source, block, 256);
                assertEquals(Math.min(256, FRAMES - target), n);
                for (int i = 0; i < n; i++) {
                    assertEquals(all[1][(int) target + i], block[1][i], 1e-4, "at " + (target + i));
                }
            }
            source.seek(FRAMES);
            assertEquals(-1, source.read(block, 0, 256));
        }
    }

    @Test
    void tagsRoundTrip() throws Exception {
        Path file = mp3(RATE / 2, 1, RATE, "-c:a", "libmp3lame", "-metadata", "artist=Aphex Twin",
                "-metadata", "title=Xtal", "-metadata", "album=SAW 85-92", "-metadata", "genre=Ambient",
                "-metadata", "TBPM=96", "-metadata", "TKEY=Dm");
        TrackTags tags = decoder.readTags(file);
        assertEquals("Aphex Twin", tags.artist());
        assertEquals("Xtal", tags.title());
        assertEquals("SAW 85-92", tags.album());
        assertEquals("Ambient", tags.genre());
        assertEquals(96.0, tags.bpm());
        assertEquals("Dm", tags.key());
    }

    AudioDecodingException failure(Path file) {
        return DecoderFixtures.rejects(decoder, file, Duration.ofSeconds(10));
    }

    @Test
    void badInput() throws Exception {
        byte[] good = Files.readAllBytes(mp3(FRAMES, 2, RATE, "-c:a", "libmp3lame"));
        assertTrue(failure(Files.write(dir.resolve("empty.mp3"), new byte[0])).getMessage().contains("empty"));
        byte[] wav = Files.readAllBytes(dir.resolve("in.wav"));
        assertFalse(decoder.accepts("song.mp3", Arrays.copyOf(wav, 64)));
        failure(Files.write(dir.resolve("wav.mp3"), Arrays.copyOf(wav, 20_000)));
        byte[] noise = new byte[100_000];
        new SplittableRandom(1).nextBytes(noise);
        noise[0] = 0;
        assertTrue(failure(Files.write(dir.resolve("noise.mp3"), noise)).getMessage().contains("no MPEG audio frame"));
        byte[] id3 = Arrays.copyOf("ID3\u0004\0\0\u007f\u007f\u007f\u007f".getBytes("ISO-8859-1"), 1000);
        assertTrue(failure(Files.write(dir.resolve("id3.mp3"), id3)).getMessage().contains("ID3v2 tag claims"));

        // Truncated: the Xing frame count says more; what exists is delivered first.
        Path cut = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(good, good.length / 2));
        long delivered = 0;
        AudioDecodingException e = null;
        try (PcmSource source = decoder.open(cut)) {
            float[][] block = new float[2][4096];
            int n;
            while ((n = source.read(block, 0, 4096)) >= 0) {
                delivered += n;
            }
        } catch (AudioDecodingException expected) {
            e = expected;
        }
        assertTrue(e != null && e.getMessage().contains("truncated"), String.valueOf(e));
        assertTrue(delivered > FRAMES / 3 && delivered < FRAMES, "delivered " + delivered);
    }

    @Test
    void mutatedFilesNeverEscapeAsOtherExceptions() throws Exception {
        byte[] good = Files.readAllBytes(mp3(RATE / 2, 2, RATE, "-c:a", "libmp3lame"));
        long seed = System.nanoTime();
        System.out.println("Mp3DecoderTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Path file = dir.resolve("m.mp3");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 150; i++) {
                byte[] bad = good.clone();
                for (int k = random.nextInt(1, 20); k > 0; k--) {
                    bad[random.nextInt(random.nextBoolean() ? 600 : bad.length)] = (byte) random.nextInt(256);
                }
                Files.write(file, bad);
                try (PcmSource source = decoder.open(file)) {
                    float[][] b = new float[source.format().channels()][4096];
                    while (source.read(b, 0, 4096) >= 0) {
                        // drain
                    }
                } catch (AudioDecodingException expected) {
                    assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
                }
                try {
                    decoder.readTags(file);
                } catch (AudioDecodingException expected) {
                    assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
                }
            }
        });
    }
}
