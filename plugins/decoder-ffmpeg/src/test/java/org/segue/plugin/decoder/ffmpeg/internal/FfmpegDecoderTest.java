package org.segue.plugin.decoder.ffmpeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.api.testkit.DecoderFixtures.ffmpeg;
import static org.segue.api.testkit.DecoderFixtures.readAll;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.testkit.DecoderFixtures;

class FfmpegDecoderTest {
    static final int RATE = 44100;
    static final int FRAMES = 3 * RATE;

    @TempDir
    Path dir;

    final FfmpegDecoder decoder = new FfmpegDecoder(new Tools("", "", 30));

    Path encode(String name, int channels, int rate, String... options) throws Exception {
        Path wav = DecoderFixtures.wav(dir.resolve("in.wav"), DecoderFixtures.sine(FRAMES, channels, rate, 16), channels, rate, 16);
        return ffmpeg(wav, dir.resolve(name), options);
    }

    @Test
    void aacInM4a() throws Exception {
        Path file = encode("x.m4a", 2, RATE, "-c:a", "aac", "-b:a", "192k");
        assertTrue(decoder.accepts("x.m4a", Arrays.copyOf(Files.readAllBytes(file), 64)));
        try (PcmSource source = decoder.open(file)) {
            assertEquals(RATE, source.format().sampleRate());
            assertEquals(2, source.format().channels());
            assertEquals(FRAMES, source.frameLength(), 1024);
            float[][] x = readAll(source);
            assertEquals(FRAMES, x[0].length, 1024);
            assertEquals(440, DecoderFixtures.frequency(x[0], 3000, FRAMES - 3000, RATE), 0.5);
            assertEquals(0.8 / Math.sqrt(2), DecoderFixtures.rms(x[0], 3000, FRAMES - 3000), 0.02);
        }
    }

    @Test
    void opusTagsAndStream() throws Exception {
        Path file = encode("x.opus", 1, 48000, "-c:a", "libopus", "-metadata", "artist=Moderat", "-metadata",
                "title=Bad Kingdom", "-metadata", "album=II", "-metadata", "genre=Electronica", "-metadata",
                "BPM=122", "-metadata", "INITIALKEY=Gm");
        assertTrue(decoder.accepts("x.opus", Arrays.copyOf(Files.readAllBytes(file), 64)));
        TrackTags tags = decoder.readTags(file);
        assertEquals("Moderat", tags.artist());
        assertEquals("Bad Kingdom", tags.title());
        assertEquals("II", tags.album());
        assertEquals("Electronica", tags.genre());
        assertEquals(122.0, tags.bpm());
        assertEquals("Gm", tags.key());
        try (PcmSource source = decoder.open(new ByteArrayInputStream(Files.readAllBytes(file)), "x.opus")) {
            assertEquals(48000, source.format().sampleRate());
            float[] x = readAll(source)[0];
            assertEquals(FRAMES, x.length, 960);
            assertEquals(440, DecoderFixtures.frequency(x, 3000, FRAMES - 3000, 48000), 0.5);
        }
    }

    @Test
    void seekIsAccurateOnLosslessAlac() throws Exception {
        Path file = encode("x.m4a", 2, RATE, "-c:a", "alac");
        float[][] all;
        try (PcmSource source = decoder.open(file)) {
            all = readAll(source);
        }
        try (PcmSource source = decoder.open(file)) {
            float[][] block = new float[2][512];
            for (long target : new long[] {RATE * 2L + 77, 10, RATE + 4095, 0}) {
                source.seek(target);
                assertEquals(512, DecoderFixtures.readFully(source, block, 512));
                int best = 99;
                for (int lag = -2; lag <= 2; lag++) {
                    boolean match = true;
                    for (int i = 0; i < 512 && match; i++) {
                        int at = (int) target + i + lag;
                        match = at >= 0 && at < all[0].length && Math.abs(all[0][at] - block[0][i]) < 1e-6;
                    }
                    if (match && Math.abs(lag) < Math.abs(best)) {
                        best = lag;
                    }
                }
                assertTrue(Math.abs(best) <= 1, "seek to " + target + " is off by " + best);
            }
        }
    }

    @Test
    void missingFfmpegSaysHowToInstallIt() throws Exception {
        Path file = Files.write(dir.resolve("song.m4a"), new byte[1000]);
        FfmpegDecoder without = new FfmpegDecoder(new Tools("/nonexistent/ffmpeg", "/nonexistent/ffprobe", 5));
        AudioDecodingException e = assertThrows(AudioDecodingException.class, () -> without.open(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("needs ffmpeg, which is not installed; install it (Debian: apt-get "
                + "install ffmpeg) or convert the file to FLAC/WAV"), e.getMessage());
        assertThrows(AudioDecodingException.class, () -> without.readTags(file));
        assertThrows(AudioDecodingException.class, () -> without.open(new ByteArrayInputStream(new byte[10]), "s.m4a"));
    }

    @Test
    void sniffing() {
        assertTrue(decoder.accepts("a.aac", new byte[] {(byte) 0xff, (byte) 0xf1, 0x50, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0}));
        byte[] wavPcm = "RIFF\0\0\0\0WAVEfmt \u0010\0\0\0\u0001\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(decoder.accepts("a.wav", wavPcm));
        byte[] wavAdpcm = wavPcm.clone();
        wavAdpcm[20] = 2;
        assertTrue(decoder.accepts("a.wav", wavAdpcm));
        assertFalse(decoder.accepts("a.m4a", new byte[3]));
        assertFalse(decoder.accepts("a.mp3", "ID3\u0004\0\0\0\0\0\0\0\0".getBytes()));
    }

    @Test
    void json() {
        Object v = Json.parse("{\"a\": [1, 2.5e1, \"x\\u00e9\\\"\"], \"b\": {\"c\": null, \"d\": true}}");
        assertEquals(Map.of("a", List.of(1.0, 25.0, "xé\""), "b", new java.util.HashMap<>(Map.of("d", true)) {
            {
                put("c", null);
            }
        }), v);
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": "));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(1000)));
    }

    AudioDecodingException failure(Path file) {
        return DecoderFixtures.rejects(decoder, file, Duration.ofSeconds(30));
    }

    @Test
    void badInput() throws Exception {
        byte[] good = Files.readAllBytes(encode("g.m4a", 2, RATE, "-c:a", "aac", "-movflags", "+faststart"));
        assertTrue(failure(Files.write(dir.resolve("empty.m4a"), new byte[0])).getMessage().contains("empty"));
        byte[] noise = new byte[50_000];
        new SplittableRandom(7).nextBytes(noise);
        failure(Files.write(dir.resolve("noise.m4a"), noise));
        failure(Files.write(dir.resolve("head.m4a"), Arrays.copyOf(good, 200)));
        // Truncated audio data (index intact): what exists is delivered, then the error.
        Path cut = Files.write(dir.resolve("cut.m4a"), Arrays.copyOf(good, good.length / 2));
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
        assertTrue(e != null && e.getMessage().startsWith(cut.toString()), String.valueOf(e));
        assertTrue(delivered > FRAMES / 4 && delivered < FRAMES, "delivered " + delivered);
    }
}
