package org.segue.plugin.server.http.internal.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;
import org.segue.plugin.server.http.internal.music.Waveforms.WaveformDto;

class WaveformsTest {

    static final int RATE = 44100;

    @TempDir
    Path dir;
    CountingOpener opener;
    Waveforms waveforms;

    @BeforeEach
    void setUp() {
        opener = new CountingOpener(RealPlugins.decoding(dir.resolve("analysis")).analysis);
        waveforms = new Waveforms(opener, dir.resolve("waveforms"));
    }

    Track track(String name, Signal s) throws IOException {
        Path file = Wavs.write(s, dir.resolve(name + ".wav"));
        return new Track(new TrackId(name), file.toUri(), LocalTracks.contentHash(file), TrackTags.empty(), s.seconds(),
                TrackSource.local());
    }

    @Test
    void aBassToneShowsInTheLowBandOnly() throws IOException {
        WaveformDto w = waveforms.waveform(track("bass", Signals.sine(RATE, 2, 100, 0.5)), 20);
        assertEquals(20, w.points());
        assertEquals(2.0, w.durationSeconds(), 1e-9);
        assertEquals(RATE, w.sampleRate());
        assertEquals(1.0, max(w.peak()), 1e-6, "the loudest moment is 1");
        assertTrue(min(w.low()) > 0.85, "low " + min(w.low()));
        // After the first bucket: the tone's abrupt start is a click with energy in every band.
        assertTrue(max(steady(w.mid())) < 0.05, "mid " + java.util.Arrays.toString(w.mid()));
        assertTrue(max(steady(w.high())) < 0.02, "high " + java.util.Arrays.toString(w.high()));
    }

    @Test
    void aTrebleToneShowsInTheHighBandOnly() throws IOException {
        WaveformDto w = waveforms.waveform(track("treble", Signals.sine(RATE, 2, 8000, 0.5).stereo()), 50);
        assertTrue(min(w.high()) > 0.85, "high " + min(w.high()));
        assertTrue(max(steady(w.low())) < 0.02, "low " + java.util.Arrays.toString(w.low()));
        // An octave above the 4 kHz edge a fourth-order split passes 1/17 (-24 dB).
        assertTrue(max(steady(w.mid())) < 0.08, "mid " + java.util.Arrays.toString(w.mid()));
    }

    @Test
    void aMidToneShowsInTheMidBand() throws IOException {
        WaveformDto w = waveforms.waveform(track("mid", Signals.sine(RATE, 1, 1000, 0.25)), 10);
        assertTrue(min(w.mid()) > 0.85, "mid " + min(w.mid()));
        assertTrue(max(steady(w.low())) < 0.1 && max(steady(w.high())) < 0.1, "low " + max(w.low()) + ", high " + max(w.high()));
    }

    @Test
    void silenceThenToneShowsWhereTheToneStarts() throws IOException {
        // 1 s of silence, then 1 s of tone: in 40 buckets of 50 ms the tone starts at bucket 20.
        WaveformDto w = waveforms.waveform(track("late", Wavs.delayed(Signals.sine(RATE, 1, 440, 0.8), 1)), 40);
        int first = -1;
        for (int i = 0; i < 40; i++) {
            if (w.peak()[i] > 0.5) {
                first = i;
                break;
            }
        }
        assertTrue(first >= 19 && first <= 20, "tone found at bucket " + first);
        for (int i = 0; i < 19; i++) {
            assertEquals(0, w.peak()[i], "bucket " + i + " is silence");
            assertEquals(0, w.low()[i] + w.mid()[i] + w.high()[i], "bands of bucket " + i);
        }
        for (int i = 21; i < 40; i++) {
            assertTrue(w.peak()[i] > 0.95, "bucket " + i + ": " + w.peak()[i]);
        }
    }

    @Test
    void theTrackIsDecodedOnceAndDecodedAgainWhenItsContentChanges() throws IOException {
        Track t = track("cached", Signals.sine(RATE, 1, 440, 0.5));
        WaveformDto a = waveforms.waveform(t, 100);
        WaveformDto b = new Waveforms(opener, dir.resolve("waveforms")).waveform(t, 100);
        assertEquals(1, opener.opened.get());
        assertArrayEquals(a.peak(), b.peak());
        assertArrayEquals(a.high(), b.high());
        assertEquals(4, waveforms.waveform(t, 4).points(), "any resolution from the one cache file");
        assertEquals(1, opener.opened.get());

        Path file = Wavs.write(Signals.sine(RATE, 1, 100, 0.5), Path.of(t.location()));
        Track changed = new Track(t.id(), t.location(), LocalTracks.contentHash(file), t.tags(), 1, t.source());
        WaveformDto c = waveforms.waveform(changed, 100);
        assertEquals(2, opener.opened.get());
        assertTrue(max(c.low()) > 0.85 && max(steady(c.high())) < 0.02, "the new content's bands");
    }

    @Test
    void aDamagedCacheFileIsMadeAgain() throws IOException {
        Track t = track("damaged", Signals.sine(RATE, 1, 440, 0.5));
        waveforms.waveform(t, 10);
        try (var files = Files.list(dir.resolve("waveforms"))) {
            Files.writeString(files.filter(p -> p.toString().endsWith(".wfm")).findFirst().orElseThrow(), "garbage");
        }
        assertEquals(1.0, max(waveforms.waveform(t, 10).peak()), 1e-6);
        assertEquals(2, opener.opened.get());
        waveforms.evict("damaged");
        waveforms.waveform(t, 10);
        assertEquals(3, opener.opened.get(), "evicted, so decoded again");
    }

    @Test
    void badRequestsAreRefusedWithTheField() throws IOException {
        Track t = track("short", Signals.sine(RATE, 0.5, 440, 0.5));
        assertEquals("points", assertThrows(BadInputException.class, () -> waveforms.waveform(t, 0)).field());
        assertEquals("points", assertThrows(BadInputException.class, () -> waveforms.waveform(t, 20_001)).field());
        Track remote = new Track(new TrackId("remote"), URI.create("https://example.org/a.mp3"), null, TrackTags.empty(),
                1, new TrackSource("jamendo", "1", "cc-by", true));
        assertTrue(assertThrows(BadInputException.class, () -> waveforms.waveform(remote, 10)).getMessage()
                .contains("has no audio on this server"));
    }

    @Test
    void moreBucketsThanFinePeaksRepeatTheFinePeaks() {
        byte[] fine = {0, (byte) 255};
        assertArrayEquals(new float[] {0, 0, 1, 1}, Waveforms.cut(fine, 4));
        assertArrayEquals(new float[] {1}, Waveforms.cut(fine, 1));
    }

    /** The buckets after the first. */
    static float[] steady(float[] v) {
        return java.util.Arrays.copyOfRange(v, 1, v.length);
    }

    static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static float min(float[] v) {
        float m = Float.POSITIVE_INFINITY;
        for (float x : v) {
            m = Math.min(m, x);
        }
        return m;
    }
}
