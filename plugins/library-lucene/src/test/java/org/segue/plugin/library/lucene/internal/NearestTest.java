package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.library.Range;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.TrackQuery;

class NearestTest {

    private static final int TRACKS = 500;
    private static final int DIMENSION = 48;
    private static final int K = 10;
    private static final TrackQuery ALL = TrackQuery.text("");

    @TempDir
    Path folder;

    @Test
    void findsTheTrueNearestNeighboursAndRespectsTheFilter() throws Exception {
        long seed = System.nanoTime();
        System.out.println("NearestTest seed " + seed);
        Random random = new Random(seed);
        float[][] vectors = new float[TRACKS][];
        double[] bpms = new double[TRACKS];
        List<TrackIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            vectors[i] = TestTracks.unitVector(random, DIMENSION);
            bpms[i] = 80 + random.nextInt(100);
            String id = "v" + i;
            entries.add(new TrackIndex.Entry(TestTracks.track(id, "A", "T" + i, "g"),
                    TestTracks.analysis(id, bpms[i], "8A", 0.5, vectors[i])));
        }
        try (TrackIndex index = TrackIndex.open(folder)) {
            // Several commits: several segments, as a library grown by imports has.
            for (int from = 0; from < TRACKS; from += 100) {
                index.putAll(entries.subList(from, from + 100));
            }
            int found = 0;
            int filteredFound = 0;
            int queries = 50;
            Range range = new Range(100, 130);
            for (int q = 0; q < queries; q++) {
                float[] query = TestTracks.unitVector(random, DIMENSION);
                List<ScoredTrack> hits = index.nearest(query, K, ALL);
                assertEquals(K, hits.size());
                Set<String> truth = bruteForce(vectors, query, i -> true);
                found += (int) hits.stream().filter(h -> truth.contains(h.track().id().value())).count();
                for (ScoredTrack hit : hits) {
                    int i = Integer.parseInt(hit.track().id().value().substring(1));
                    assertEquals(TestTracks.cosine(vectors[i], query), hit.similarity(), 1e-4);
                }
                for (int i = 1; i < hits.size(); i++) {
                    assertTrue(hits.get(i - 1).similarity() >= hits.get(i).similarity());
                }

                TrackQuery filter = new TrackQuery("", range, false, Set.of(), Set.of(), null, 0, 0);
                List<ScoredTrack> filtered = index.nearest(query, K, filter);
                Set<String> filteredTruth = bruteForce(vectors, query, i -> range.contains(bpms[i]));
                for (ScoredTrack hit : filtered) {
                    int i = Integer.parseInt(hit.track().id().value().substring(1));
                    assertTrue(range.contains(bpms[i]), "filter ignored: " + hit.track().id() + " at " + bpms[i]);
                }
                filteredFound += (int) filtered.stream().filter(h -> filteredTruth.contains(h.track().id().value())).count();
            }
            double recall = found / (double) (queries * K);
            double filteredRecall = filteredFound / (double) (queries * K);
            System.out.printf("recall@%d %.3f, filtered %.3f%n", K, recall, filteredRecall);
            assertTrue(recall >= 0.95, "recall@10 " + recall + " (seed " + seed + ")");
            assertTrue(filteredRecall >= 0.95, "filtered recall@10 " + filteredRecall + " (seed " + seed + ")");
        }
    }

    @Test
    void wrongDimensionsAreRejectedClearly() throws Exception {
        Random random = new Random(7);
        try (TrackIndex index = TrackIndex.open(folder)) {
            assertEquals(List.of(), index.nearest(TestTracks.unitVector(random, DIMENSION), K, ALL));
            index.put(TestTracks.track("a", "A", "T", "g"),
                    TestTracks.analysis("a", 120, "8A", 0.5, TestTracks.unitVector(random, DIMENSION)));
            IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
                    () -> index.nearest(TestTracks.unitVector(random, 10), K, ALL));
            assertEquals("vector has 10 dimensions; the library's embeddings have 48", query.getMessage());
            IllegalArgumentException put = assertThrows(IllegalArgumentException.class,
                    () -> index.put(TestTracks.track("b", "B", "T", "g"),
                            TestTracks.analysis("b", 120, "8A", 0.5, TestTracks.unitVector(random, 10))));
            assertEquals("embedding of track b has 10 dimensions; the library's embeddings have 48", put.getMessage());
            assertTrue(index.track(new org.segue.api.library.TrackId("b")).isEmpty());
            // The failed put rolled back cleanly: the index still takes writes.
            index.put(TestTracks.track("c", "C", "T", "g"),
                    TestTracks.analysis("c", 120, "8A", 0.5, TestTracks.unitVector(random, DIMENSION)));
            assertEquals(2, index.nearest(TestTracks.unitVector(random, DIMENSION), K, ALL).size());
            assertThrows(IllegalArgumentException.class, () -> index.nearest(new float[DIMENSION], K, ALL));
            assertThrows(IllegalArgumentException.class, () -> index.nearest(TestTracks.unitVector(random, DIMENSION), 0, ALL));
        }
    }

    private static Set<String> bruteForce(float[][] vectors, float[] query, java.util.function.IntPredicate allowed) {
        return IntStream.range(0, vectors.length).filter(allowed).boxed()
                .sorted(Comparator.comparingDouble(i -> -TestTracks.cosine(vectors[i], query)))
                .limit(K).map(i -> "v" + i).collect(Collectors.toCollection(HashSet::new));
    }
}
