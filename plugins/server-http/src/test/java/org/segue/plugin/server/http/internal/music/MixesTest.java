package org.segue.plugin.server.http.internal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.AudioFiles;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanRequest;
import org.segue.plugin.server.http.internal.music.MixDtos.PreviewResult;
import org.segue.plugin.server.http.internal.music.MixDtos.TransitionDto;

/** Plans, renders and previews with the real analyzers, planner, styles, effects, stretcher and mix engine. */
class MixesTest {

    static final int RATE = 44100;
    static final double SECONDS = 40;

    @TempDir
    static Path dir;
    static RealPlugins plugins;
    static MemoryLibrary library = new MemoryLibrary();
    static Mixes mixes;
    static List<String> ids = new ArrayList<>();
    static Path user;

    /** A beat of clicks at a tempo over a held chord: enough for tempo, key and energy. */
    static Signal track(double bpm, int... notes) {
        Signal beat = Signals.clicks(RATE, SECONDS, bpm, 4, 0.5);
        Signal chord = Signals.chord(RATE, SECONDS, 0.3, notes);
        return Signals.mix(beat, chord).stereo();
    }

    @BeforeAll
    static void library() throws IOException {
        plugins = RealPlugins.mixing(dir.resolve("cache"));
        mixes = new Mixes(plugins.mixEngine(), plugins.analysis, plugins::styleIds,
                Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC));
        user = dir.resolve("users/alice");
        TrackImporter importer = new TrackImporter(plugins.analysis, plugins.analysis);
        Path music = dir.resolve("music");
        ids.add(importer.importFile(library, Wavs.write(track(124, 57, 60, 64), music.resolve("a-minor.wav")), null,
                p -> { }, () -> false).id());
        ids.add(importer.importFile(library, Wavs.write(track(126, 52, 55, 59), music.resolve("e-minor.wav")), null,
                p -> { }, () -> false).id());
        ids.add(importer.importFile(library, Wavs.write(track(122, 48, 52, 55), music.resolve("c-major.wav")), null,
                p -> { }, () -> false).id());
        // Not mixable: a streaming track with no audio on the server.
        library.put(new Track(new TrackId("remote"), URI.create("https://example.org/x.mp3"), null, TrackTags.empty(), 200,
                new TrackSource("jamendo", "x", "cc-by-nd", false)), null);
    }

    PlanDto plan(String arc) throws IOException {
        return mixes.plan(library, user, new PlanRequest(ids, null, "auto", arc, null));
    }

    @Test
    void aPlanOrdersTheTracksAndExplainsEachTransition() throws IOException {
        PlanDto plan = plan("rise");
        assertEquals(Set.copyOf(ids), Set.copyOf(plan.tracks().stream().map(t -> t.id()).toList()));
        assertEquals(3, plan.tracks().size());
        assertEquals("rise", plan.arc());
        assertEquals("auto", plan.style());
        assertEquals("2026-11-26T09:00:00Z", plan.createdAt());
        assertEquals(2, plan.transitions().size());
        double previousEnd = 0;
        for (TransitionDto t : plan.transitions()) {
            assertEquals(plan.tracks().get(t.index()).id(), t.fromTrackId());
            assertEquals(plan.tracks().get(t.index() + 1).id(), t.toTrackId());
            assertTrue(plugins.styleIds().contains(t.style()), t.style());
            assertTrue(t.lengthSeconds() > 1 && t.lengthSeconds() < SECONDS, "length " + t.lengthSeconds());
            assertTrue(t.startSeconds() >= previousEnd, "transitions in order: " + plan.transitions());
            assertTrue(t.score() >= 0 && t.score() <= 1);
            assertTrue(t.explanation().contains("Why next:"), t.explanation());
            previousEnd = t.startSeconds() + t.lengthSeconds();
        }
        assertTrue(plan.durationSeconds() > previousEnd && plan.durationSeconds() < 3 * SECONDS, "" + plan.durationSeconds());
        assertEquals(plan, mixes.plan(user, plan.id()), "stored as shown");
    }

    @Test
    void aRenderedMixHasItsFilesAndTracklist() throws IOException {
        PlanDto plan = plan("peak");
        List<Double> progress = new ArrayList<>();
        MixDto mix = mixes.render(user, plan.id(), progress::add, () -> false);

        assertEquals(plan.id(), mix.planId());
        assertEquals(plan.tracks().stream().map(t -> t.id()).toList(), mix.tracklist().stream().map(e -> e.trackId()).toList());
        assertEquals(0, mix.tracklist().get(0).startSeconds(), 1e-9);
        assertEquals("a-minor", library.track(new TrackId(ids.get(0))).map(TrackDtos::title).orElseThrow());
        assertTrue(mix.tracklist().stream().allMatch(e -> e.title().endsWith("-minor") || e.title().endsWith("-major")));
        assertEquals(-14, mix.loudnessLufs());
        assertEquals("/api/mixes/" + mix.id() + "/audio", mix.files().audio());
        assertEquals(1.0, progress.get(progress.size() - 1));
        TrackImporterTest.assertMonotonic(progress);

        Signal audio = AudioFiles.read(mixes.mixFile(user, mix.id(), "audio"));
        assertEquals(RATE, audio.sampleRate());
        assertEquals(mix.durationSeconds(), audio.seconds(), 0.05);
        assertEquals(plan.durationSeconds(), mix.durationSeconds(), 0.1 * mix.durationSeconds(), "the plan's estimate");
        for (int k = 0; k < plan.transitions().size(); k++) {
            // The incoming track is first heard when the transition starts.
            assertEquals(mix.tracklist().get(k + 1).startSeconds(), plan.transitions().get(k).startSeconds(), 2.0,
                    "estimated start of transition " + k);
        }
        assertTrue(Files.readString(mixes.mixFile(user, mix.id(), "cue")).contains("TRACK 03 AUDIO"));
        assertTrue(Files.readString(mixes.mixFile(user, mix.id(), "timeline")).startsWith("<svg"));
        String tracklist = Files.readString(mixes.mixFile(user, mix.id(), "tracklist"));
        assertTrue(tracklist.contains("\"tracks\"") && tracklist.contains(ids.get(1)), tracklist);
        assertFalse(tracklist.contains(dir.toString()), "no server paths in what the user downloads: " + tracklist);

        assertEquals(mix, mixes.mix(user, mix.id()));
        assertTrue(mixes.mixes(user).contains(mix));
        assertTrue(mixes.delete(user, mix.id()));
        assertFalse(mixes.mixes(user).contains(mix));
        assertThrows(NoSuchElementException.class, () -> mixes.mix(user, mix.id()));
        assertFalse(mixes.delete(user, mix.id()));
    }

    @Test
    void aCancelledRenderLeavesNoMixAndNoFiles() throws IOException {
        PlanDto plan = plan("flat");
        Path user = dir.resolve("users/carol");
        assertThrows(NoSuchElementException.class, () -> mixes.plan(user, plan.id()), "alice's plan is not carol's");
        assertThrows(NoSuchElementException.class, () -> mixes.render(user, plan.id(), p -> { }, () -> false));
        PlanDto own = mixes.plan(library, user, new PlanRequest(ids, null, null, "flat", null));
        List<Double> progress = new ArrayList<>();
        assertThrows(CancellationException.class, () -> mixes.render(user, own.id(), progress::add,
                () -> !progress.isEmpty() && progress.get(progress.size() - 1) > 0.2));
        assertEquals(List.of(), mixes.mixes(user));
        try (Stream<Path> left = Files.list(user.resolve(Mixes.MIXES))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aPreviewRendersOneTransitionWithBarsEitherSide() throws IOException {
        PlanDto plan = plan("wave");
        TransitionDto t = plan.transitions().get(1);
        Previews previews = mixes.previews();
        PreviewResult p = previews.preview(user, plan.id(), 1, () -> false);
        assertEquals("/api/previews/" + p.previewId() + "/audio", p.audio());
        Signal audio = AudioFiles.read(previews.audio(user, p.previewId()));
        assertEquals(p.durationSeconds(), audio.seconds(), 0.05);
        assertTrue(audio.seconds() > t.lengthSeconds() + 4 && audio.seconds() < plan.durationSeconds(),
                "preview " + audio.seconds() + " s of a " + t.lengthSeconds() + " s transition");
        assertThrows(NoSuchElementException.class, () -> previews.preview(user, plan.id(), 2, () -> false));
        assertThrows(NoSuchElementException.class, () -> previews.audio(user, "../../etc/passwd"));
        assertThrows(CancellationException.class, () -> previews.preview(user, plan.id(), 0, () -> true));

        assertEquals(0, previews.deleteOlderThan(user, Instant.now().minusSeconds(3600)));
        assertEquals(1, previews.deleteOlderThan(user, Instant.now().plusSeconds(1)));
        assertThrows(NoSuchElementException.class, () -> previews.audio(user, p.previewId()));
    }

    @Test
    void theWholeLibraryMixesItsMixableTracks() throws IOException {
        PlanDto plan = mixes.plan(library, user, new PlanRequest(null, true, plugins.styleIds().get(0), null, null));
        assertEquals(Set.copyOf(ids), new HashSet<>(plan.tracks().stream().map(t -> t.id()).toList()));
        assertEquals("peak", plan.arc());
        assertEquals(plugins.styleIds().get(0), plan.style());
    }

    @Test
    void badPlanRequestsNameTheirField() {
        assertEquals("arc", bad(new PlanRequest(ids, null, null, "sideways", null)).field());
        assertEquals("style", bad(new PlanRequest(ids, null, "segue.style.nope/1", null, null)).field());
        assertEquals("minutes", bad(new PlanRequest(ids, null, null, null, -1.0)).field());
        assertEquals("tracks", bad(new PlanRequest(ids.subList(0, 1), null, null, null, null)).field());
        assertEquals("tracks", bad(new PlanRequest(List.of(ids.get(0), ids.get(0)), null, null, null, null)).field());
        assertEquals("tracks", bad(new PlanRequest(List.of(ids.get(0), "someone-elses"), null, null, null, null)).field());
        assertEquals("tracks", bad(new PlanRequest(List.of(ids.get(0), "remote"), null, null, null, null)).field());
        assertEquals("tracks", bad(new PlanRequest(ids, true, null, null, null)).field());
        assertEquals("tracks", bad(new PlanRequest(null, null, null, null, null)).field());
        assertThrows(NoSuchElementException.class, () -> mixes.plan(user, "0123456789abcdef"));
        assertThrows(NoSuchElementException.class, () -> mixes.plan(user, "../plans/x"));
        assertThrows(NoSuchElementException.class, () -> mixes.mixFile(user, "0123456789abcdef", "audio"));
    }

    BadInputException bad(PlanRequest request) {
        return assertThrows(BadInputException.class, () -> mixes.plan(library, user, request));
    }
}
