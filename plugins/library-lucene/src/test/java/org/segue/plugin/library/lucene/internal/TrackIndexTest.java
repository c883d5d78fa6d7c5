package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.library.FacetCount;
import org.segue.api.library.Range;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackQuery;
import org.segue.api.testkit.ResultMap;

class TrackIndexTest {

    @TempDir
    Path folder;

    @Test
    void putGetRemoveRoundTripSurvivesReopening() throws Exception {
        Track track = TestTracks.track("t1", "Daft Punk", "One More Time", "House");
        ResultMap analysis = TestTracks.fullAnalysis("t1", new Random(1));
        try (TrackIndex index = TrackIndex.open(folder)) {
            index.put(track, analysis);
            assertEquals(track, index.track(new TrackId("t1")).orElseThrow());
        }
        try (TrackIndex index = TrackIndex.open(folder)) {
            assertEquals(track, index.track(new TrackId("t1")).orElseThrow());
            AnalysisResults stored = index.analysis(new TrackId("t1")).orElseThrow();
            assertEquals("t1", stored.trackId());
            assertEquals(240, stored.durationSeconds());
            assertEquals(analysis.keys(), stored.keys());
            for (ResultKey<?> key : analysis.keys()) {
                assertEquals(analysis.get(key), stored.get(key), key.name());
                assertEquals(analysis.analyzer(key), stored.analyzer(key), key.name());
            }
            assertEquals(analysis.require(StandardResults.BEAT_GRID), stored.get(StandardResults.BEAT_GRID).orElseThrow());
            assertEquals(analysis.require(StandardResults.EMBEDDING), stored.get(StandardResults.EMBEDDING).orElseThrow());
            assertTrue(index.remove(new TrackId("t1")));
            assertFalse(index.remove(new TrackId("t1")));
            assertTrue(index.track(new TrackId("t1")).isEmpty());
            assertTrue(index.analysis(new TrackId("t1")).isEmpty());
        }
        try (TrackIndex index = TrackIndex.open(folder)) {
            assertTrue(index.track(new TrackId("t1")).isEmpty());
        }
    }

    @Test
    void putWithoutAnalysisKeepsTheStoredOneAndReplacesTheTrack() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            index.put(TestTracks.track("t1", "A", "Old", "techno"), TestTracks.analysis("t1", 128, "8A", 0.5, null));
            Track renamed = TestTracks.track("t1", "A", "New", "techno");
            index.put(renamed, null);
            assertEquals(renamed, index.track(new TrackId("t1")).orElseThrow());
            assertEquals(128, index.analysis(new TrackId("t1")).orElseThrow().get(StandardResults.TEMPO).orElseThrow().bpm());
            assertEquals(1, index.search(TrackQuery.text("new")).totalHits());
            assertEquals(0, index.search(TrackQuery.text("old")).totalHits());
            // The features derived from the kept analysis are still searchable.
            assertEquals(1, index.search(query("", new Range(127, 129), false, Set.of("8A"), Set.of())).totalHits());
        }
    }

    @Test
    void analysisOfAnotherTrackIsRejected() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.put(
                    TestTracks.track("t1", "A", "B", null), TestTracks.analysis("t2", 120, "1A", 0.1, null)));
            assertTrue(e.getMessage().contains("t2"), e.getMessage());
        }
    }

    @Test
    void textSearchWithFiltersAndFacets() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            put(index, "h1", "Daft Punk", "One More Time", "House", 123, "8A", 0.8);
            put(index, "h2", "Daft Punk", "Around the World", "House", 121, "9A", 0.6);
            put(index, "h3", "Motörhead", "Ace of Spades", "Rock", 140, "8A", 0.9);
            put(index, "h4", "Sigur Rós", "Hoppípolla", "Post-Rock;Ambient", 80, "5B", 0.2);
            put(index, "h5", "Daft Punk", "Veridis Quo", "Electronic", 110, "8A", 0.3);

            SearchResult daft = index.search(TrackQuery.text("daft punk"));
            assertEquals(3, daft.totalHits());
            assertEquals(List.of(new FacetCount("house", 2), new FacetCount("electronic", 1)),
                    daft.facets().get(SearchResult.GENRE));
            assertEquals(List.of(new FacetCount("8A", 2), new FacetCount("9A", 1)), daft.facets().get(SearchResult.KEY));
            assertEquals(List.of(new FacetCount("local", 3)), daft.facets().get(SearchResult.SOURCE));
            assertEquals(List.of(new FacetCount("120-130", 2), new FacetCount("110-120", 1)),
                    daft.facets().get(FacetCounter.BPM));

            assertEquals(Set.of("h1", "h2"), ids(index.search(query("daft", new Range(120, 124), false, Set.of(), Set.of()))));
            assertEquals(Set.of("h1", "h5"), ids(index.search(query("daft", null, false, Set.of("8A"), Set.of()))));
            assertEquals(Set.of("h1", "h2"), ids(index.search(query("", null, false, Set.of(), Set.of("HOUSE")))));
            assertEquals(Set.of("h4"), ids(index.search(query("", null, false, Set.of(), Set.of("ambient")))));
            TrackQuery energetic = new TrackQuery("", null, false, Set.of(), Set.of(), new Range(0.7, 1), 0, 10);
            assertEquals(Set.of("h1", "h3"), ids(index.search(energetic)));
            // Accents fold both ways, field syntax and wildcards work.
            assertEquals(Set.of("h3"), ids(index.search(TrackQuery.text("motorhead"))));
            assertEquals(Set.of("h4"), ids(index.search(TrackQuery.text("sigur ros hoppipolla"))));
            assertEquals(Set.of("h2"), ids(index.search(TrackQuery.text("title:world"))));
            assertEquals(Set.of("h5"), ids(index.search(TrackQuery.text("veri*"))));
            assertEquals(5, index.search(TrackQuery.text("")).totalHits());
        }
    }

    @Test
    void pagingReturnsDisjointPagesAndTheFullCount() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            for (int i = 0; i < 25; i++) {
                put(index, "p" + i, "Artist", "Song " + i, "techno", 130, "4A", 0.5);
            }
            TrackQuery first = new TrackQuery("artist", null, false, Set.of(), Set.of(), null, 0, 10);
            TrackQuery third = new TrackQuery("artist", null, false, Set.of(), Set.of(), null, 20, 10);
            TrackQuery countOnly = new TrackQuery("artist", null, false, Set.of(), Set.of(), null, 0, 0);
            assertEquals(10, index.search(first).tracks().size());
            assertEquals(5, index.search(third).tracks().size());
            assertEquals(25, index.search(third).totalHits());
            SearchResult counts = index.search(countOnly);
            assertEquals(0, counts.tracks().size());
            assertEquals(25, counts.totalHits());
            assertEquals(List.of(new FacetCount("techno", 25)), counts.facets().get(SearchResult.GENRE));
            Set<String> seen = new java.util.HashSet<>();
            for (int offset = 0; offset < 25; offset += 10) {
                index.search(new TrackQuery("artist", null, false, Set.of(), Set.of(), null, offset, 10)).tracks()
                        .forEach(t -> assertTrue(seen.add(t.id().value()), "seen twice: " + t.id()));
            }
            assertEquals(25, seen.size());
        }
    }

    @Test
    void halfDoubleTempoMatchesOnlyWhenAsked() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            put(index, "slow", "A", "Half time", "dnb", 64, "1A", 0.5);
            put(index, "fast", "B", "Double time", "dnb", 256, "1A", 0.5);
            put(index, "norm", "C", "Straight", "house", 128, "1A", 0.5);
            Range range = new Range(126, 130);
            assertEquals(Set.of("norm"), ids(index.search(query("", range, false, Set.of(), Set.of()))));
            assertEquals(Set.of("slow", "fast", "norm"), ids(index.search(query("", range, true, Set.of(), Set.of()))));
            assertEquals(Set.of("slow"), ids(index.search(query("half", range, true, Set.of(), Set.of()))));
        }
    }

    @Test
    void camelotFilterMatchesAnyOfTheKeys() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            put(index, "a", "A", "One", "x", 120, "8A", 0.5);
            put(index, "b", "B", "Two", "x", 120, "8B", 0.5);
            put(index, "c", "C", "Three", "x", 120, "9A", 0.5);
            put(index, "d", "D", "Four", "x", 120, "12A", 0.5);
            assertEquals(Set.of("a"), ids(index.search(query("", null, false, Set.of("8A"), Set.of()))));
            assertEquals(Set.of("a", "b", "c"), ids(index.search(query("", null, false, Set.of("8A", "8B", "9A"), Set.of()))));
            assertEquals(Set.of(), ids(index.search(query("", null, false, Set.of("1A"), Set.of()))));
        }
    }

    @Test
    void keyAndBpmTagsStandInForMissingAnalysis() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            Track tagged = new Track(new TrackId("tag"), java.net.URI.create("file:///m/tag.mp3"), null,
                    new org.segue.api.audio.TrackTags("A", "B", null, null, 174.0, "1m", java.util.Map.of()), 0,
                    org.segue.api.library.TrackSource.local());
            index.put(tagged, null);
            // Open Key 1m is Camelot 8A.
            assertEquals(Set.of("tag"), ids(index.search(query("", new Range(170, 175), false, Set.of("8A"), Set.of()))));
            assertEquals(tagged, index.track(new TrackId("tag")).orElseThrow());
        }
    }

    @Test
    void badQuerySyntaxNamesTheQuery() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            put(index, "a", "A", "One", "x", 120, "8A", 0.5);
            for (String bad : List.of("title:(daft", "\"unclosed", "AND", "a OR")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> index.search(TrackQuery.text(bad)), bad);
                assertTrue(e.getMessage().startsWith("bad search query '" + bad + "'"), e.getMessage());
            }
        }
    }

    @Test
    void closedIndexSaysSo() throws Exception {
        TrackIndex index = TrackIndex.open(folder);
        index.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> index.track(new TrackId("x")));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void secondOpenOfTheSameFolderIsRefusedClearly() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> TrackIndex.open(folder));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }

    static void put(TrackIndex index, String id, String artist, String title, String genre, double bpm, String key,
            double energy) {
        index.put(TestTracks.track(id, artist, title, genre), TestTracks.analysis(id, bpm, key, energy, null));
    }

    static TrackQuery query(String text, Range bpm, boolean halfDouble, Set<String> keys, Set<String> genres) {
        return new TrackQuery(text, bpm, halfDouble, keys, genres, null, 0, 100);
    }

    static Set<String> ids(SearchResult result) {
        return result.tracks().stream().map(t -> t.id().value()).collect(java.util.stream.Collectors.toSet());
    }
}
