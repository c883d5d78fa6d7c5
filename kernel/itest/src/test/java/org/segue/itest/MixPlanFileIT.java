package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.testkit.Signals;

/** A mix plan saved as JSON renders the same mix again, previews one transition, and bad plans are named. */
class MixPlanFileIT {

    @TempDir
    Path work;

    @Test
    void aSavedPlanRendersTheSameMixAndPreviews() throws Exception {
        Path a = AnalyzeCommandIT.writeWav(work.resolve("a.wav"), Signals.mix(Signals.clicks(44100, 40, 124, 4, 0.5),
                Signals.chord(44100, 40, 0.3, 57, 60, 64)).stereo());
        Path b = AnalyzeCommandIT.writeWav(work.resolve("b.wav"), Signals.mix(Signals.clicks(44100, 40, 126, 4, 0.5),
                Signals.chord(44100, 40, 0.3, 64, 67, 71)).stereo());
        SegueProcess.Result first = segue("mix", a.toString(), b.toString(), "-o", "first.wav", "--save-plan", "plan.json");
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.readString(work.resolve("plan.json")).contains("\"transitions\""));

        SegueProcess.Result again = segue("mix", "--plan", "plan.json", "-o", "again.wav");
        assertEquals(0, again.code(), again.err());
        assertArrayEquals(Files.readAllBytes(work.resolve("first.wav")), Files.readAllBytes(work.resolve("again.wav")),
                "the same plan renders the same mix, bit for bit");

        // The same mix streamed to FLAC decodes (through the FLAC decoder bundle) to the same length.
        SegueProcess.Result flac = segue("mix", "--plan", "plan.json", "-o", "again.flac");
        assertEquals(0, flac.code(), flac.err());
        SegueProcess.Result lengths = segue("analyze", "--json", "first.wav", "again.flac");
        assertEquals(0, lengths.code(), lengths.err());
        var tracks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lengths.out());
        assertEquals(tracks.get(0).get("durationSeconds").asDouble(), tracks.get(1).get("durationSeconds").asDouble(), 1e-4);
        assertEquals(tracks.get(0).get("bpm").asDouble(), tracks.get(1).get("bpm").asDouble(), 1e-6,
                "lossless: the analysis of the FLAC equals that of the WAV");
        assertTrue(Files.size(work.resolve("again.flac")) < Files.size(work.resolve("first.wav")), "compressed");

        SegueProcess.Result preview = segue("preview", "--plan", "plan.json", "--transition", "1", "-o", "preview.wav");
        assertEquals(0, preview.code(), preview.err());
        assertTrue(Files.size(work.resolve("preview.wav")) < Files.size(work.resolve("first.wav")), "only the transition");

        Files.writeString(work.resolve("broken.json"), "{\"format\": 1, \"tracks\": []");
        SegueProcess.Result broken = segue("mix", "--plan", "broken.json", "-o", "x.wav");
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("broken.json"), broken.err());
        assertTrue(Files.notExists(work.resolve("x.wav")), "nothing written for a bad plan");
    }

    private SegueProcess.Result segue(String... args) throws Exception {
        return SegueProcess.run(KernelFixture.DIST, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()), args);
    }
}
