package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/**
 * {@code segue analyze} from the installed distribution: every decoder, analyzer and the engine
 * resolve together in the real framework and give the known truth of a synthesised track.
 */
class AnalyzeCommandIT {

    @TempDir
    Path work;

    @Test
    void analysesAKnownTrackAndCachesTheResult() throws Exception {
        Signal music = Signals.mix(Signals.clicks(44100, 20, 120, 4, 0.5), Signals.chords(44100, 5, 0.4,
                new int[] {57, 60, 64}, new int[] {62, 65, 69}, new int[] {64, 68, 71}, new int[] {57, 60, 64}));
        Path wav = writeWav(work.resolve("a-minor-120.wav"), music.stereo());

        SegueProcess.Result first = segue("analyze", "--json", wav.toString());
        assertEquals(0, first.code(), first.err());
        JsonNode track = new ObjectMapper().readTree(first.out()).get(0);
        assertEquals(120, track.get("bpm").asDouble(), 2.4, first.out());
        assertTrue(track.get("failures").isEmpty(), track.get("failures").toString());
        assertTrue(track.has("key") && track.has("camelot") && track.has("integratedLufs"), first.out());
        assertFalse(track.get("cached").asBoolean());
        for (String key : new String[] {"segue.tempo", "segue.beatgrid", "segue.key", "segue.chords", "segue.loudness",
                "segue.energy", "segue.structure", "segue.mood", "segue.timbre", "segue.embedding"}) {
            assertTrue(track.get("results").has(key), key + " in " + track.get("results").fieldNames());
        }

        SegueProcess.Result second = segue("analyze", "--json", wav.toString());
        assertTrue(new ObjectMapper().readTree(second.out()).get(0).get("cached").asBoolean(), "unchanged file: from the cache");
    }

    @Test
    void aBadFileIsReportedByNameAndTheRestOfTheBatchGoesOn() throws Exception {
        Path good = writeWav(work.resolve("good.wav"), Signals.clicks(44100, 8, 100, 4, 0.2));
        Path truncated = work.resolve("truncated.wav");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 30));
        Path fake = Files.writeString(work.resolve("fake.flac"), "definitely not a flac file, just text");

        SegueProcess.Result r = segue("analyze", good.toString(), truncated.toString(), fake.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("good.wav"), r.out());
        assertTrue(r.err().contains("truncated.wav") && r.err().contains("fake.flac"), r.err());
        assertTrue(r.err().contains("2 of 3 files could not be analysed"), r.err());
    }

    private SegueProcess.Result segue(String... args) throws Exception {
        return SegueProcess.run(KernelFixture.DIST, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()), args);
    }

    static Path writeWav(Path file, Signal s) throws IOException {
        int channels = s.audio().length;
        int frames = s.audio()[0].length;
        ByteBuffer bytes = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                bytes.putShort((short) Math.round(Math.max(-1, Math.min(1, s.audio()[c][i])) * 32767));
            }
        }
        AudioFormat format = new AudioFormat(s.sampleRate(), 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
