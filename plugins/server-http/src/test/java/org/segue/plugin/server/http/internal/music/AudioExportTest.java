package org.segue.plugin.server.http.internal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.AudioFiles;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

class AudioExportTest {

    @TempDir
    Path dir;
    CountingOpener opener;
    AudioExport export;

    @BeforeEach
    void setUp() {
        opener = new CountingOpener(RealPlugins.decoding(dir.resolve("analysis")).analysis);
        export = new AudioExport(opener, dir.resolve("audio"));
    }

    Track track(String id, Path file) throws IOException {
        return new Track(new TrackId(id), file.toUri(), LocalTracks.contentHash(file), TrackTags.empty(), 1,
                TrackSource.local());
    }

    @Test
    void theWavHasTheSamplesRateAndChannelsOfTheTrack() throws IOException {
        Signal s = Signals.mix(Signals.sine(48000, 1.5, 440, 0.5), Signals.noise(48000, 1.5, 0.2, 7));
        Signal stereo = new Signal(new float[][] {s.audio()[0], Signals.sine(48000, 1.5, 3000, 0.9).audio()[0]}, 48000,
                new double[0], new double[0]);
        Path source = Wavs.write(stereo, dir.resolve("in/track.wav"));
        Path wav = export.wav(track("t1", source));

        Signal back = AudioFiles.read(wav);
        assertEquals(48000, back.sampleRate());
        assertEquals(2, back.audio().length);
        assertEquals(stereo.audio()[0].length, back.audio()[0].length);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < back.audio()[c].length; i++) {
                // 16 bits in, 16 bits out: every sample comes back exactly.
                assertEquals(AudioExport.pcm16(stereo.audio()[c][i]) / 32768f, back.audio()[c][i], 1e-9, "channel " + c + " frame " + i);
            }
        }
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(wav), 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Files.size(wav) - 8, header.getInt(4), "RIFF size");
        assertEquals(1, header.getShort(20), "PCM");
        assertEquals(16, header.getShort(34), "bits");
        assertEquals(Files.size(wav) - 44, header.getInt(40), "data size");
    }

    @Test
    void theWavIsDecodedOnceAndAgainWhenTheContentChanges() throws IOException {
        Path source = Wavs.write(Signals.sine(44100, 0.5, 440, 0.5), dir.resolve("a.wav"));
        Track t = track("t2", source);
        Path first = export.wav(t);
        assertEquals(first, new AudioExport(opener, dir.resolve("audio")).wav(t));
        assertEquals(1, opener.opened.get());
        assertEquals(List.of(first), TrackImporterTest.list(first.getParent()), "no temporary file left behind");
        Wavs.write(Signals.sine(44100, 0.5, 880, 0.5), source);
        Path second = export.wav(track("t2", source));
        assertNotEquals(first, second);
        assertEquals(2, opener.opened.get());
        assertEquals(List.of(second), TrackImporterTest.list(first.getParent()), "the old version is deleted");
        export.evict("t2");
        assertEquals(List.of(), TrackImporterTest.list(dir.resolve("audio")));
    }

    @Test
    void samplesBeyondFullScaleAreClipped() {
        assertEquals(32767, AudioExport.pcm16(1.5f));
        assertEquals(-32768, AudioExport.pcm16(-1f));
        assertEquals(-32768, AudioExport.pcm16(-3f));
        assertEquals(16384, AudioExport.pcm16(0.5f));
    }

    @Test
    void aCorruptFileFailsNamingItAndLeavesNoFile() throws IOException {
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "RIFF but not really a wave file");
        AudioDecodingException e = assertThrows(AudioDecodingException.class, () -> export.wav(track("bad", bad)));
        assertTrue(e.getMessage().contains("bad.wav"), e.getMessage());
        assertEquals(List.of(), TrackImporterTest.list(dir.resolve("audio/bad")));
    }

    @Test
    void aRemoteTrackHasNoAudioHere() {
        Track remote = new Track(new TrackId("r"), URI.create("https://example.org/a.mp3"), null, TrackTags.empty(), 1,
                new TrackSource("jamendo", "1", null, true));
        assertThrows(BadInputException.class, () -> export.wav(remote));
    }
}
