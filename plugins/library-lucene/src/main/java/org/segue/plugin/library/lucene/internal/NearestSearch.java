package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.knn.TopKnnCollectorManager;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.segue.api.library.TrackQuery;

/**
 * The k nearest embeddings among the tracks matching a filter, segment by segment, choosing per
 * segment between an exact scan of the filter's documents and the HNSW graph.
 *
 * <p>Why not Lucene's {@code KnnFloatVectorQuery} with the filter: with a selective filter (the
 * recommenders' mixability filter keeps ~4 % of the tracks) its graph search has to wade through
 * ~25 rejected nodes for every accepted one, and gives up for an exact scan only after visiting as
 * many nodes as the filter has documents: it pays both. Here the cost of each is estimated first
 * (below), so a selective filter goes straight to the exact scan, whose answer is exact; a
 * permissive filter, or none, uses the graph (recall checked by {@code NearestAtScaleTest}), still falling
 * back to the scan if the graph search exceeds the scan's cost. A filter of the usual bpm/key shape
 * is answered by {@link SegmentColumns}, whose heap copy of the embeddings the scan then reads in
 * runs; any other filter by its Lucene query into a bitset, the scan then reading the index's vectors.
 *
 * <p>Scores are the field's similarity ({@code (1 + cos) / 2} for cosine) in both paths.
 */
final class NearestSearch {

    /**
     * Where the exact scan of a segment stops being cheaper than its graph: while count² &lt;
     * BREAK_EVEN · n, for count accepted documents of n. Why that shape: the scan scores count
     * vectors (40-90 ns each here); the graph visits about V(1) · s^-0.7 nodes for a filter keeping
     * a share s = count / n (V(1) ≈ 1,200-1,300 at our beam of 64; measured 1,326 / 2,204 / 3,957
     * / 6,856 / 11,668 / 21,505 visits at s = 1 / .5 / .2 / .1 / .05 / .02 on a 50k segment) at
     * 3-5 times the cost per node. Measured break-even (JFR-free timing, 60 queries per point): s ≈
     * 0.2 on 50k-document segments (count²/n ≈ 2,000) and s ≈ 0.6 on 5k ones (≈ 1,800). A wrong
     * guess costs little: the graph search is still cut off for the scan past count visits.
     */
    static final long BREAK_EVEN = 2_000;

    private final String field;
    private final SegmentColumns.Cache columns;

    NearestSearch(String field, SegmentColumns.Cache columns) {
        this.field = field;
        this.columns = columns;
    }

    /**
     * The k best hits over the whole index, best first (ties by document order).
     *
     * @param candidates the HNSW beam per segment (at least k)
     * @param trackFilter the track filter, or null for none
     * @param restriction the same filter as a Lucene query, null when it restricts nothing
     */
    List<ScoreDoc> search(IndexSearcher searcher, float[] vector, int k, int candidates, TrackQuery trackFilter,
            Query restriction) throws IOException {
        TrackQuery filter = restriction == null ? null : trackFilter;
        Weight weight = restriction == null || SegmentColumns.covers(filter) ? null
                : searcher.createWeight(searcher.rewrite(restriction), ScoreMode.COMPLETE_NO_SCORES, 1f);
        // Lucene's own collectors for the graph: segments share the beam's worst competitive score,
        // so later segments stop earlier (what KnnFloatVectorQuery does).
        TopKnnCollectorManager graph = new TopKnnCollectorManager(candidates, searcher);
        List<ScoreDoc> hits = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            FieldInfo info = reader.getFieldInfos().fieldInfo(field);
            FloatVectorValues values = reader.getFloatVectorValues(field);
            if (info == null || values == null || values.size() == 0) {
                continue;
            }
            if (filter != null && weight == null) {
                SegmentColumns c = columns.get(reader);
                long upTo = c.candidates(filter);
                if (upTo == 0) {
                    continue;
                }
                if (c.scannable() && exactIsCheaper(upTo, values.size())) {
                    TopKnnCollector top = new TopKnnCollector(k, Integer.MAX_VALUE);
                    c.scan(filter, reader.getLiveDocs(), new Scoring(info.getVectorSimilarityFunction(), vector), top);
                    add(hits, leaf, top.topDocs());
                    continue;
                }
            }
            FixedBitSet accepted = filter == null ? null : accepted(leaf, filter, weight);
            int count = accepted == null ? values.size() : accepted.cardinality();
            if (count == 0) {
                continue;
            }
            TopDocs top = null;
            if (!exactIsCheaper(count, values.size())) {
                Bits acceptDocs = accepted != null ? accepted : reader.getLiveDocs();
                KnnCollector collector = graph.newCollector(count, leaf);
                reader.searchNearestVectors(field, vector, collector, acceptDocs);
                // Stopped at the visit limit: the graph search cost more than the scan would: scan instead.
                top = collector.earlyTerminated() ? null : collector.topDocs();
            }
            if (top == null) {
                top = exact(reader, values, info.getVectorSimilarityFunction(), vector, k, accepted);
            }
            add(hits, leaf, top);
        }
        hits.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
        return hits.size() > k ? hits.subList(0, k) : hits;
    }

    private static void add(List<ScoreDoc> hits, LeafReaderContext leaf, TopDocs top) {
        for (ScoreDoc d : top.scoreDocs) {
            hits.add(new ScoreDoc(leaf.docBase + d.doc, d.score));
        }
    }

    /** See {@link #BREAK_EVEN}. */
    static boolean exactIsCheaper(long count, long vectors) {
        return count * count < BREAK_EVEN * vectors;
    }

    /** The live documents of a segment that the filter accepts. */
    private FixedBitSet accepted(LeafReaderContext leaf, TrackQuery filter, Weight weight) throws IOException {
        Bits live = leaf.reader().getLiveDocs();
        if (weight == null) {
            return columns.get(leaf.reader()).matching(filter, live);
        }
        FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    bits.set(doc);
                }
            }
        }
        return bits;
    }

    /** Scores every accepted document that has a vector (all live ones when {@code accepted} is null). */
    private static TopDocs exact(LeafReader reader, FloatVectorValues values, VectorSimilarityFunction similarity,
            float[] vector, int k, FixedBitSet accepted) throws IOException {
        Scoring scoring = new Scoring(similarity, vector);
        TopKnnCollector top = new TopKnnCollector(k, Integer.MAX_VALUE);
        Bits live = reader.getLiveDocs();
        if (accepted == null) {
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    top.collect(doc, scoring.score(values.vectorValue()));
                }
            }
            return top.topDocs();
        }
        int doc = accepted.nextSetBit(0);
        while (doc != DocIdSetIterator.NO_MORE_DOCS) {
            int at = values.docID() < doc ? values.advance(doc) : values.docID();
            if (at == DocIdSetIterator.NO_MORE_DOCS) {
                break;
            }
            if (at == doc) {
                top.collect(doc, scoring.score(values.vectorValue()));
            }
            // Next accepted document at or after the next one with a vector.
            int from = at == doc ? doc + 1 : at;
            doc = from >= accepted.length() ? DocIdSetIterator.NO_MORE_DOCS : accepted.nextSetBit(from);
        }
        return top.topDocs();
    }

    /**
     * The field's similarity, for cosine computed here with the query's norm taken once and four
     * independent sums: the scan's arithmetic was its larger half, and this is about 1.6 times as
     * fast as Lucene's general cosine on Java 17 (no Panama vectors there). Same value as Lucene's
     * {@code (1 + cos) / 2} up to float rounding.
     */
    static final class Scoring {
        private final VectorSimilarityFunction similarity;
        private final float[] query;
        private final double queryNormSquared;

        Scoring(VectorSimilarityFunction similarity, float[] query) {
            this.similarity = similarity;
            this.query = query;
            double sum = 0;
            for (float x : query) {
                sum += x * x;
            }
            this.queryNormSquared = sum;
        }

        float score(float[] v) {
            return score(v, 0);
        }

        /** The score of the vector at {@code v[offset ..]}, of the query's dimension. */
        float score(float[] v, int offset) {
            float[] q = query;
            if (similarity != VectorSimilarityFunction.COSINE) {
                return similarity.compare(q, offset == 0 && v.length == q.length ? v
                        : Arrays.copyOfRange(v, offset, offset + q.length));
            }
            float d0 = 0, d1 = 0, d2 = 0, d3 = 0;
            float n0 = 0, n1 = 0, n2 = 0, n3 = 0;
            int i = 0;
            int o = offset;
            for (int end = q.length - 3; i < end; i += 4, o += 4) {
                d0 += q[i] * v[o];
                n0 += v[o] * v[o];
                d1 += q[i + 1] * v[o + 1];
                n1 += v[o + 1] * v[o + 1];
                d2 += q[i + 2] * v[o + 2];
                n2 += v[o + 2] * v[o + 2];
                d3 += q[i + 3] * v[o + 3];
                n3 += v[o + 3] * v[o + 3];
            }
            for (; i < q.length; i++, o++) {
                d0 += q[i] * v[o];
                n0 += v[o] * v[o];
            }
            double cosine = (d0 + d1 + d2 + d3) / Math.sqrt(queryNormSquared * (n0 + n1 + n2 + n3));
            return Math.max((1 + (float) cosine) / 2, 0);
        }
    }
}
