package org.segue.plugin.decoder.ogg.internal;

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
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.testkit.DecoderFixtures;

class OggDecoderTest {
    static final int RATE = 44100;
    static final int FRAMES = 3 * RATE;

    @TempDir
    Path dir;

    final OggDecoder decoder = new OggDecoder();

    Path ogg(int frames, int channels, int rate, String... options) throws Exception {
        Path wav = DecoderFixtures.wav(dir.resolve("in.wav"), DecoderFixtures.sine(frames, channels, rate, 16), channels, rate, 16);
        String[] all = Arrays.copyOf(options, options.length + 2);
        all[options.length] = "-c:a";
        all[options.length + 1] = "libvorbis";
        return ffmpeg(wav, dir.resolve("out.ogg"), all);
    }

    @Test
    void lengthLevelFrequencyAndAlignment() throws Exception {
        Path file = ogg(FRAMES, 2, RATE);
        assertTrue(decoder.accepts("out.ogg", Arrays.copyOf(Files.readAllBytes(file), 64)));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(RATE, source.format().sampleRate());
            assertEquals(2, source.format().channels());
            assertEquals(FRAMES, source.frameLength());
            float[][] x = readAll(source);
            assertEquals(FRAMES, x[0].length);
            assertEquals(440, DecoderFixtures.frequency(x[0], 2000, FRAMES - 2000, RATE), 0.5);
            assertEquals(0.8 / Math.sqrt(2), DecoderFixtures.rms(x[0], 2000, FRAMES - 2000), 0.02);
            float[] original = new float[FRAMES];
            for (int i = 0; i < FRAMES; i++) {
                original[i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / RATE));
            }
            assertTrue(DecoderFixtures.correlation(original, x[0], 2000, FRAMES - 2000) > 0.999);
        }
        try (PcmSource source = decoder.open(Files.newInputStream(file), "out.ogg")) {
            assertFalse(source.seekable());
            assertEquals(FRAMES, readAll(source)[0].length);
        }
    }

    @Test
    void seekMatchesAFullDecode() throws Exception {
        Path file = ogg(FRAMES, 1, 48000);
        float[][] all;
        try (PcmSource source = decoder.open(file)) {
            all = readAll(source);
        }
        try (PcmSource source = decoder.open(file)) {
            float[][] block = new float[1][256];
            for (long target : new long[] {48000 * 2L + 77, 10, 48000 + 1023, 0, FRAMES - 100}) {
                source.seek(target);
                int n = DecoderFixtures.readFully(source, block, 256);
                assertEquals(Math.min(256, all[0].length - target), n);
                for (int i = 0; i < n; i++) {
                    assertEquals(all[0][(int) target + i], block[0][i], 1e-4, "at " + (target + i));
                }
            }
            source.seek(all[0].length);
            assertEquals(-1, source.read(block, 0, 256));
        }
    }

    @Test
    void tagsRoundTrip() throws Exception {
        Path file = ogg(RATE / 2, 1, RATE, "-metadata", "artist=Boards of Canada", "-metadata", "title=Roygbiv",
                "-metadata", "album=Music Has the Right", "-metadata", "genre=IDM", "-metadata", "BPM=83",
                "-metadata", "INITIALKEY=Bbm");
        TrackTags tags = decoder.readTags(file);
        assertEquals("Boards of Canada", tags.artist());
        assertEquals("Roygbiv", tags.title());
        assertEquals("Music Has the Right", tags.album());
        assertEquals("IDM", tags.genre());
        assertEquals(83.0, tags.bpm());
        assertEquals("Bbm", tags.key());
        assertNull(decoder.readTags(ogg(RATE / 2, 1, RATE, "-metadata", "BPM=0")).bpm());
    }

    AudioDecodingException failure(Path file) {
        return DecoderFixtures.rejects(decoder, file, Duration.ofSeconds(10));
    }

    @Test
    void badInput() throws Exception {
        byte[] good = Files.readAllBytes(ogg(FRAMES, 2, RATE));
        assertTrue(failure(Files.write(dir.resolve("empty.ogg"), new byte[0])).getMessage().contains("empty"));
        byte[] wav = Files.readAllBytes(dir.resolve("in.wav"));
        assertFalse(decoder.accepts("song.ogg", Arrays.copyOf(wav, 64)));
        assertTrue(failure(Files.write(dir.resolve("wav.ogg"), wav)).getMessage().contains("not an Ogg file"));
        Path opus = ffmpeg(dir.resolve("in.wav"), dir.resolve("x.opus"), "-c:a", "libopus", "-f", "ogg");
        assertFalse(decoder.accepts("x.ogg", Arrays.copyOf(Files.readAllBytes(opus), 64)));
        assertTrue(failure(opus).getMessage().contains("Opus"));

        // Long enough for many pages (a sine compresses well: 3 s fit in three pages).
        byte[] longer = Files.readAllBytes(ogg(20 * RATE, 2, RATE));
        Path cut = Files.write(dir.resolve("cut.ogg"), Arrays.copyOf(longer, longer.length / 2));
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
        assertTrue(delivered > 5 * RATE && delivered < 15 * RATE, "delivered " + delivered);
        failure(Files.write(dir.resolve("head.ogg"), Arrays.copyOf(good, 100)));
    }

    @Test
    void mutatedFilesNeverEscapeAsOtherExceptions() throws Exception {
        byte[] good = Files.readAllBytes(ogg(RATE / 2, 2, RATE));
        long seed = System.nanoTime();
        System.out.println("OggDecoderTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Path file = dir.resolve("m.ogg");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 150; i++) {
                byte[] bad = good.clone();
                for (int k = random.nextInt(1, 8); k > 0; k--) {
                    bad[random.nextInt(random.nextBoolean() ? 4000 : bad.length)] = (byte) random.nextInt(256);
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
