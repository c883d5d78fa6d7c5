package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.library.Range;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackQuery;

/**
 * {@link TrackIndex#nearest} on the benchmark's synthetic library at 20,000 tracks (several
 * segments, some tracks replaced or removed) against a brute-force cosine ranking computed here from the
 * tracks as generated: the recommenders' selective filter (answered by the exact scan) must give
 * exactly the true top 10; unfiltered and permissive searches (answered by the HNSW graph) must
 * find at least 95 % of it; every hit must pass the filter; deleted documents never come back.
 */
class NearestAtScaleTest {

    private static final int TRACKS = 20_000;
    private static final int BATCH = 2_000;
    private static final int K = 10;
    private static final int QUERIES = 100;

    @TempDir
    static Path folder;
    static TrackIndex index;
    static SyntheticLibrary synthetic;
    static float[][] vectors = new float[TRACKS][];
    static double[] bpm = new double[TRACKS];
    static String[] key = new String[TRACKS];
    static String[] genre = new String[TRACKS];
    static boolean[] removed = new boolean[TRACKS];

    @BeforeAll
    static void build() throws Exception {
        synthetic = new SyntheticLibrary(2026);
        index = TrackIndex.open(folder);
        List<TrackIndex.Entry> batch = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            TrackIndex.Entry e = synthetic.entry(i);
            remember(i, e);
            batch.add(e);
            if (batch.size() == BATCH) {
                index.putAll(batch);
                batch.clear();
            }
        }
        // Deleted documents in every segment: re-put every 41st track with another track's
        // values (the old document is deleted; its old vector must never be found), remove a few.
        List<TrackIndex.Entry> changed = new ArrayList<>();
        SyntheticLibrary other = new SyntheticLibrary(7);
        for (int i = 7; i < TRACKS; i += 41) {
            TrackIndex.Entry e = other.entry(i);
            remember(i, e);
            changed.add(e);
        }
        index.putAll(changed);
        for (int i = 11; i < TRACKS; i += 1009) {
            assertTrue(index.remove(new TrackId("bench-" + i)));
            removed[i] = true;
        }
    }

    private static void remember(int i, TrackIndex.Entry e) {
        vectors[i] = e.analysis().get(StandardResults.EMBEDDING).map(Embedding::vector).orElseThrow();
        bpm[i] = e.analysis().get(StandardResults.TEMPO).map(Tempo::bpm).orElseThrow();
        key[i] = e.analysis().get(StandardResults.KEY).map(KeyEstimate::key).orElseThrow().camelot();
        genre[i] = e.track().tags().genre();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void theIndexHasSegmentsLargeEnoughForTheGraph() throws Exception {
        int largest = 0;
        int segments;
        try (Directory d = new MMapDirectory(folder); DirectoryReader r = DirectoryReader.open(d)) {
            segments = r.leaves().size();
            for (LeafReaderContext leaf : r.leaves()) {
                largest = Math.max(largest, leaf.reader().maxDoc());
            }
        }
        assertTrue(segments > 1, "one segment only");
        // Otherwise the unfiltered and permissive cases below would not exercise the graph.
        assertFalse(NearestSearch.exactIsCheaper(largest, largest), "largest segment " + largest);
        assertTrue(NearestSearch.exactIsCheaper(largest / 20, largest), "a 5 % filter is scanned");
    }

    @Test
    void theRecommendationFilterGivesExactlyTheTrueNearest() {
        int found = 0;
        for (int q = 0; q < QUERIES; q++) {
            SyntheticLibrary.Recommendation r = synthetic.recommendation(K);
            found += assertExact(r.vector(), index.nearest(r.vector(), K, r.filter()), matches(r.filter()));
        }
        double recall = found / (double) (QUERIES * K);
        System.out.printf("recommendation filter: recall@%d %.3f%n", K, recall);
        assertTrue(recall >= 0.99, "recall@10 " + recall);
    }

    @Test
    void unfilteredAndPermissiveSearchesFindNearlyAllOfTheTrueNearest() {
        TrackQuery wide = new TrackQuery("", new Range(90, 180), false, Set.of(), Set.of(), null, 0, 0);
        double all = recall(null);
        double permissive = recall(wide);
        System.out.printf("recall@%d unfiltered %.3f, bpm 90-180 %.3f%n", K, all, permissive);
        assertTrue(all >= 0.95, "unfiltered recall@10 " + all);
        assertTrue(permissive >= 0.95, "permissive recall@10 " + permissive);
    }

    @Test
    void filtersTheColumnsDoNotCoverGoThroughTheirQuery() {
        for (int q = 0; q < 20; q++) {
            SyntheticLibrary.Recommendation r = synthetic.recommendation(K);
            TrackQuery f = r.filter();
            TrackQuery withGenre = new TrackQuery("", f.bpm(), true, f.camelotKeys(), Set.of("House"), null, 0, 0);
            IntPredicate house = i -> matches(f).test(i) && genre[i].equals("house");
            assertExact(r.vector(), index.nearest(r.vector(), K, withGenre), house);
        }
    }

    /** The hits are the true top k: every one allowed, the same similarity as the truth at every rank. */
    private static int assertExact(float[] vector, List<ScoredTrack> hits, IntPredicate allowed) {
        List<Integer> truth = bruteForce(vector, allowed);
        assertEquals(truth.size(), hits.size());
        int same = 0;
        for (int i = 0; i < hits.size(); i++) {
            int track = number(hits.get(i));
            assertTrue(allowed.test(track), "filter ignored: " + hits.get(i).track().id());
            // Float rounding may swap near ties, never change the similarity at a rank.
            assertEquals(TestTracks.cosine(vectors[truth.get(i)], vector), hits.get(i).similarity(), 1e-5);
            same += truth.contains(track) ? 1 : 0;
        }
        return same;
    }

    private static double recall(TrackQuery filter) {
        int found = 0;
        for (int q = 0; q < QUERIES; q++) {
            float[] vector = synthetic.recommendation(K).vector();
            IntPredicate allowed = filter == null ? i -> !removed[i] : matches(filter);
            List<Integer> truth = bruteForce(vector, allowed);
            List<ScoredTrack> hits = index.nearest(vector, K, filter);
            assertEquals(K, hits.size());
            for (ScoredTrack hit : hits) {
                assertTrue(allowed.test(number(hit)), "not allowed: " + hit.track().id());
                found += truth.contains(number(hit)) ? 1 : 0;
            }
        }
        return found / (double) (QUERIES * K);
    }

    /** The filter's meaning, computed here from the generated values (bpm and keys only). */
    private static IntPredicate matches(TrackQuery f) {
        return i -> {
            if (removed[i]) {
                return false;
            }
            Range r = f.bpm();
            boolean tempo = r == null || r.contains(bpm[i])
                    || f.bpmHalfDouble() && (r.contains(bpm[i] / 2) || r.contains(bpm[i] * 2));
            return tempo && (f.camelotKeys().isEmpty() || f.camelotKeys().contains(key[i]));
        };
    }

    private static List<Integer> bruteForce(float[] query, IntPredicate allowed) {
        return IntStream.range(0, TRACKS).filter(allowed).boxed()
                .sorted(Comparator.comparingDouble(i -> -TestTracks.cosine(vectors[i], query)))
                .limit(K).collect(Collectors.toList());
    }

    private static int number(ScoredTrack hit) {
        return Integer.parseInt(hit.track().id().value().substring("bench-".length()));
    }
}
