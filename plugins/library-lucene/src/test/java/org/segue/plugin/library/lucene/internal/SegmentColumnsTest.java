package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Range;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackQuery;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.ResultMap;

/**
 * The columns answer exactly what the Lucene filter answers, document for document: random bpm
 * windows (with and without half/double, bounds on stored values), key sets, tracks without bpm,
 * key or embedding, deleted and replaced documents, several segments; and the scan of the heap
 * copy of the embeddings scores exactly those documents that have one, each once, with Lucene's
 * cosine.
 */
class SegmentColumnsTest {

    @TempDir
    Path folder;

    @Test
    void sameDocumentsAsTheLuceneFilter() throws Exception {
        long seed = System.nanoTime();
        System.out.println("SegmentColumnsTest seed " + seed);
        Random random = new Random(seed);
        List<Double> stored = new ArrayList<>();
        TrackDocuments documents = new TrackDocuments();
        // A plain writer without merges: the segments and deletions this test needs, every time.
        IndexWriterConfig config = new IndexWriterConfig(new FoldingAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = new MMapDirectory(folder); IndexWriter writer = new IndexWriter(d, config)) {
            for (int batch = 0; batch < 4; batch++) {
                for (int i = 0; i < 500; i++) {
                    String id = "t" + random.nextInt(1500); // repeats replace (delete) earlier documents
                    int kind = random.nextInt(10);
                    Track track = TestTracks.track(id, "A", "T", "g");
                    ResultMap analysis = null;
                    if (kind == 1) { // bpm and key only from tags
                        double bpm = 60 + random.nextInt(130);
                        stored.add(bpm);
                        track = new Track(new TrackId(id), URI.create("file:///" + id), null,
                                new TrackTags("A", "T", null, null, bpm, "5B", Map.of()), 200, TrackSource.local());
                    } else if (kind > 1) { // kind 0: neither bpm nor key
                        double bpm = kind == 2 ? 120.0 : 60 + random.nextDouble() * 130; // 120.0: a bound below
                        stored.add(bpm);
                        String key = (1 + random.nextInt(12)) + (random.nextBoolean() ? "A" : "B");
                        // Most with an embedding: the scan must skip those without.
                        analysis = TestTracks.analysis(id, bpm, key, 0.5, kind == 3 ? null : TestTracks.unitVector(random, 8));
                    }
                    writer.updateDocument(new Term(Fields.ID, id), documents.build(track, analysis, null));
                }
                writer.commit();
            }
        }
        check(random, stored, seed);
    }

    private void check(Random random, List<Double> stored, long seed) throws Exception {
        try (Directory d = new MMapDirectory(folder); DirectoryReader reader = DirectoryReader.open(d)) {
            assertEquals(4, reader.leaves().size(), "segments");
            assertTrue(reader.numDeletedDocs() > 0, "deleted documents");
            IndexSearcher searcher = new IndexSearcher(reader);
            SegmentColumns.Cache cache = new SegmentColumns.Cache();
            for (int q = 0; q < 300; q++) {
                TrackQuery filter = filter(random, stored);
                assertTrue(SegmentColumns.covers(filter));
                Weight weight = searcher.createWeight(searcher.rewrite(TrackQueries.filter(filter)),
                        ScoreMode.COMPLETE_NO_SCORES, 1f);
                for (LeafReaderContext leaf : reader.leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    FixedBitSet expected = new FixedBitSet(leaf.reader().maxDoc());
                    Scorer scorer = weight.scorer(leaf);
                    if (scorer != null) {
                        DocIdSetIterator it = scorer.iterator();
                        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                            if (live == null || live.get(doc)) {
                                expected.set(doc);
                            }
                        }
                    }
                    SegmentColumns columns = cache.get(leaf.reader());
                    FixedBitSet actual = columns.matching(filter, live);
                    assertEquals(expected, actual, filter + " in segment " + leaf.ord + " (seed " + seed + ")");
                    assertTrue(columns.candidates(filter) >= expected.cardinality());
                    // The scan scores exactly the matching documents that have an embedding, each once.
                    assertTrue(columns.scannable());
                    FixedBitSet withVector = new FixedBitSet(leaf.reader().maxDoc());
                    FloatVectorValues vectors = leaf.reader().getFloatVectorValues(Fields.EMBEDDING);
                    for (int doc = vectors.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = vectors.nextDoc()) {
                        withVector.set(doc);
                    }
                    expected.and(withVector);
                    TopKnnCollector all = new TopKnnCollector(leaf.reader().maxDoc(), Integer.MAX_VALUE);
                    float[] query = TestTracks.unitVector(random, 8);
                    columns.scan(filter, live, new NearestSearch.Scoring(VectorSimilarityFunction.COSINE, query), all);
                    FixedBitSet scanned = new FixedBitSet(leaf.reader().maxDoc());
                    ScoreDoc[] hits = all.topDocs().scoreDocs;
                    for (ScoreDoc hit : hits) {
                        assertFalse(scanned.getAndSet(hit.doc), "scored twice: " + hit.doc + " for " + filter);
                        vectors = leaf.reader().getFloatVectorValues(Fields.EMBEDDING);
                        vectors.advance(hit.doc);
                        assertEquals(VectorSimilarityFunction.COSINE.compare(query, vectors.vectorValue()), hit.score, 2e-6);
                    }
                    assertEquals(expected, scanned, "scan of " + filter + " in segment " + leaf.ord + " (seed " + seed + ")");
                }
            }
            assertEquals(reader.leaves().size(), cache.size(), "one column set per segment, reused");

            // Past the heap budget a segment keeps its bpm/key columns without the embeddings.
            SegmentColumns.Cache small = new SegmentColumns.Cache(1);
            for (LeafReaderContext leaf : reader.leaves()) {
                SegmentColumns columns = small.get(leaf.reader());
                assertFalse(columns.scannable());
                TrackQuery f = filter(random, stored);
                Bits live = leaf.reader().getLiveDocs();
                assertEquals(cache.get(leaf.reader()).matching(f, live), columns.matching(f, live));
            }

            SegmentColumns.Cache unused = new SegmentColumns.Cache();
            unused.warm(reader);
            assertEquals(0, unused.size(), "not warmed before the first recommendation");
            unused.get(reader.leaves().get(0).reader());
            unused.warm(reader);
            assertEquals(reader.leaves().size(), unused.size(), "every segment warmed once in use");
        }
    }

    @Test
    void coversOnlyTheBpmAndKeyShape() {
        Range r = new Range(120, 130);
        assertTrue(SegmentColumns.covers(new TrackQuery("", r, true, Set.of("8A"), Set.of(), null, 0, 0)));
        assertTrue(SegmentColumns.covers(new TrackQuery("", null, false, Set.of("8A"), Set.of(), null, 0, 0)));
        assertTrue(SegmentColumns.covers(new TrackQuery("", r, false, Set.of(), Set.of(), null, 0, 0)));
        assertFalse(SegmentColumns.covers(new TrackQuery("", null, false, Set.of(), Set.of(), null, 0, 0)));
        assertFalse(SegmentColumns.covers(new TrackQuery("love", r, true, Set.of("8A"), Set.of(), null, 0, 0)));
        assertFalse(SegmentColumns.covers(new TrackQuery("", r, true, Set.of("8A"), Set.of("house"), null, 0, 0)));
        assertFalse(SegmentColumns.covers(new TrackQuery("", r, true, Set.of("8A"), Set.of(), new Range(0, 1), 0, 0)));
    }

    /** A random bpm window (often bounded by a stored value, so bounds are tested) and/or key set. */
    private static TrackQuery filter(Random random, List<Double> stored) {
        Range bpm = null;
        if (random.nextInt(5) > 0) {
            double a = random.nextBoolean() ? stored.get(random.nextInt(stored.size())) : 30 + random.nextDouble() * 300;
            double b = random.nextInt(4) == 0 ? a : a + random.nextDouble() * 40;
            bpm = random.nextBoolean() ? new Range(a, b) : new Range(a / 2, a);
        }
        Set<String> keys = new LinkedHashSet<>();
        int n = bpm == null ? 1 + random.nextInt(4) : random.nextInt(5);
        for (int i = 0; i < n; i++) {
            keys.add((1 + random.nextInt(12)) + (random.nextBoolean() ? "A" : "B"));
        }
        return new TrackQuery("", bpm, random.nextBoolean(), keys, Set.of(), null, 0, 0);
    }
}
