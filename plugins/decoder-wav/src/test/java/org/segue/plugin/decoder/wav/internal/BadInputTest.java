package org.segue.plugin.decoder.wav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;

/** Untrusted input: every bad file fails fast with AudioDecodingException naming it. */
class BadInputTest {
    @TempDir
    Path dir;

    static byte[] goodWav() {
        return Fixtures.wav(Fixtures.fmt(1, 2, 44100, 16),
                Fixtures.pcm(Fixtures.sine(2000, 2, 44100, 30000), 2, false));
    }

    static byte[] goodAiff() {
        return Fixtures.aiff(null, 2, 2000, 16, 44100, Fixtures.pcm(Fixtures.sine(2000, 2, 44100, 30000), 2, true));
    }

    /** Opens and reads everything; returns the decoding failure, which must name the file. */
    AudioDecodingException failure(AudioDecoder decoder, String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        AudioDecodingException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(AudioDecodingException.class, () -> {
                    try (PcmSource source = decoder.open(file)) {
                        float[][] block = new float[source.format().channels()][4096];
                        while (source.read(block, 0, 4096) >= 0) {
                            // drain
                        }
                    }
                }));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(file.toString(), e.source());
        return e;
    }

    @Test
    void zeroLengthFile() throws IOException {
        assertFalse(new WavDecoder().accepts("empty.wav", new byte[0]));
        assertTrue(failure(new WavDecoder(), "empty.wav", new byte[0]).getMessage().contains("empty"));
        failure(new AiffDecoder(), "empty.aiff", new byte[0]);
    }

    @Test
    void mp3NamedWav() throws IOException {
        byte[] mp3 = new byte[400];
        System.arraycopy("ID3".getBytes(), 0, mp3, 0, 3);
        mp3[3] = 4;
        assertFalse(new WavDecoder().accepts("song.wav", Arrays.copyOf(mp3, 64)));
        assertFalse(new AiffDecoder().accepts("song.wav", Arrays.copyOf(mp3, 64)));
        String message = failure(new WavDecoder(), "song.wav", mp3).getMessage();
        assertTrue(message.contains("not a WAV file") && message.contains("MP3"), message);
        failure(new AiffDecoder(), "song.aiff", mp3);
    }

    @Test
    void truncatedDataDeliversWhatExistsThenFails() throws IOException {
        byte[] wav = goodWav();
        Path file = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(wav, wav.length - 4000));
        try (PcmSource source = new WavDecoder().open(file)) {
            assertEquals(2000, source.frameLength());
            float[][] block = new float[2][4096];
            assertEquals(1000, source.read(block, 0, 4096));
            AudioDecodingException e = assertThrows(AudioDecodingException.class, () -> source.read(block, 0, 4096));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("truncated"));
        }
        byte[] aiff = goodAiff();
        failure(new AiffDecoder(), "cut.aiff", Arrays.copyOf(aiff, aiff.length - 1001));
        failure(new WavDecoder(), "headeronly.wav", Arrays.copyOf(wav, 30));
    }

    @Test
    void absurdHeaderValues() throws IOException {
        WavDecoder wav = new WavDecoder();
        byte[] data = new byte[400];
        assertTrue(failure(wav, "ch.wav", Fixtures.wav(Fixtures.fmt(1, 65535, 44100, 16), data)).getMessage()
                .contains("65535 channels"));
        failure(wav, "zero-ch.wav", Fixtures.wav(Fixtures.fmt(1, 0, 44100, 16), data));
        assertTrue(failure(wav, "0hz.wav", Fixtures.wav(Fixtures.fmt(1, 2, 0, 16), data)).getMessage()
                .contains("0 Hz"));
        failure(wav, "4ghz.wav", Fixtures.wav(Fixtures.fmt(1, 2, -1, 16), data));
        failure(wav, "bits.wav", Fixtures.wav(Fixtures.fmt(1, 2, 44100, 0), data));
        failure(wav, "adpcm.wav", Fixtures.wav(Fixtures.fmt(2, 2, 44100, 4), data));
        byte[] align = Fixtures.wav(Fixtures.fmt(1, 2, 44100, 16), data);
        ByteBuffer.wrap(align).order(ByteOrder.LITTLE_ENDIAN).putShort(32, (short) 60000);
        failure(wav, "align.wav", align);
        // A fmt chunk claiming 4 GB in a 500-byte file, and a LIST chunk larger than the file.
        byte[] big = Fixtures.wav(Fixtures.fmt(1, 2, 44100, 16), data);
        ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).putInt(16, -2);
        assertTrue(failure(wav, "bigfmt.wav", big).getMessage().contains("'fmt ' chunk claims"));
        byte[] list = Fixtures.wav(Fixtures.fmt(1, 2, 44100, 16), data,
                Fixtures.chunk("LIST", new byte[8], ByteOrder.LITTLE_ENDIAN));
        ByteBuffer.wrap(list).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7fff_0000);
        failure(wav, "biglist.wav", list);
        failure(wav, "nofmt.wav", Fixtures.riff("WAVE", Fixtures.chunk("data", data, ByteOrder.LITTLE_ENDIAN)));
        failure(wav, "nodata.wav", Fixtures.riff("WAVE", Fixtures.chunk("fmt ", Fixtures.fmt(1, 1, 8000, 8),
                ByteOrder.LITTLE_ENDIAN)));
        byte[] garbage = goodWav();
        garbage[36] = 1; // the data chunk id becomes unprintable
        failure(wav, "garbage.wav", garbage);

        AiffDecoder aiff = new AiffDecoder();
        failure(aiff, "ch.aiff", Fixtures.aiff(null, -1, 100, 16, 44100, data));
        failure(aiff, "0hz.aiff", Fixtures.aiff(null, 2, 100, 16, 0, data));
        failure(aiff, "bits.aiff", Fixtures.aiff(null, 2, 100, 99, 44100, data));
        failure(aiff, "ulaw.aifc", Fixtures.aiff("ulaw", 2, 100, 16, 44100, data));
        byte[] huge = Fixtures.aiff(null, 2, 100, 16, 44100, data);
        ByteBuffer.wrap(huge).putInt(16, 0x7fff_fff0); // COMM size
        failure(aiff, "bigcomm.aiff", huge);
        byte[] rate = Fixtures.aiff(null, 2, 100, 16, 44100, data);
        rate[28] = 0x7f; // exponent of the rate: about 2^16000 Hz
        failure(aiff, "hugerate.aiff", rate);
    }

    /**
     * Random damage to headers: each mutated file either decodes or fails with
     * AudioDecodingException, fast. The seed is printed so a failure can be replayed.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wav", "aiff"})
    void mutatedHeadersNeverEscapeAsOtherExceptions(String kind) throws IOException {
        long seed = System.nanoTime();
        System.out.println("BadInputTest." + kind + " seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        AudioDecoder decoder = kind.equals("wav") ? new WavDecoder() : new AiffDecoder();
        byte[] good = kind.equals("wav") ? goodWav() : goodAiff();
        Path file = dir.resolve("m." + kind);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 300; i++) {
                byte[] bad = good.clone();
                for (int k = random.nextInt(1, 4); k > 0; k--) {
                    bad[random.nextInt(60)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    bad = Arrays.copyOf(bad, random.nextInt(bad.length));
                }
                Files.write(file, bad);
                try (PcmSource source = decoder.open(file)) {
                    float[][] block = new float[source.format().channels()][4096];
                    while (source.read(block, 0, 4096) >= 0) {
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
