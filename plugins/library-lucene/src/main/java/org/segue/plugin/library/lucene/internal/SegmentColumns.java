package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IntroSorter;
import org.segue.api.library.Range;
import org.segue.api.library.TrackQuery;

/**
 * The mixability columns of one segment on the heap: its documents grouped by Camelot key and,
 * within a key, ordered by bpm. They answer the recommenders' filter (bpm window with half and
 * double tempo, compatible keys) with a binary search per key and window, touching only the
 * documents that match, instead of a conjunction of a point-range disjunction and a term
 * disjunction over the whole segment: at 100k tracks that conjunction was ~45 % of a
 * recommendation (JFR), and it grows with the library.
 *
 * <p>Same meaning as the Lucene filter ({@link TrackQueries#filter}): bpm is compared in the order
 * of {@code DoublePoint} ({@link Double#compare}: -0.0 &lt; 0.0, NaN above all), half and double
 * tempo as {@code bpm/2} and {@code bpm*2}; a document without bpm never matches a bpm range, one
 * without key never matches keys; keys match the exact indexed terms. The windows found by binary
 * search are widened by an ulp and every document in them is checked with that exact predicate,
 * so rounding at the bounds cannot change the answer ({@code SegmentColumnsTest} compares the two).
 *
 * <p>It also holds a copy of the segment's embeddings in that order, so the exact scan of a
 * filter reads a few runs of consecutive vectors (see {@link #scan}).
 *
 * <p>Built from doc values and vectors once per segment core (a segment never changes: the library
 * never updates doc values in place) and dropped when the core closes: 12 + 4 × dimension bytes per
 * track on the heap (268 B at 64 dimensions: 27 MB at 100k tracks, 268 MB at 1M).
 */
final class SegmentColumns {

    /** All documents with a bpm or a key, by key block, then by bpm (NaN = no bpm, last). */
    private final int[] docs;
    private final double[] bpm;
    /** Key term → its block {from, to} in {@link #docs}; the block of documents without key is {@link #noKey}. */
    private final Map<String, int[]> blocks;
    private final int[] noKey;
    private final int maxDoc;
    /**
     * The embeddings in the same order as {@link #docs} ({@code dimension} floats each), or null
     * when the segment has none (or a document with several keys, so positions are not unique).
     */
    private final float[] vectors;
    private final FixedBitSet hasVector;
    private final int dimension;

    private SegmentColumns(int[] docs, double[] bpm, Map<String, int[]> blocks, int[] noKey, int maxDoc,
            float[] vectors, FixedBitSet hasVector, int dimension) {
        this.docs = docs;
        this.bpm = bpm;
        this.blocks = blocks;
        this.noKey = noKey;
        this.maxDoc = maxDoc;
        this.vectors = vectors;
        this.hasVector = hasVector;
        this.dimension = dimension;
    }

    /** True when the columns answer this filter alone: bpm and keys only, no text, genres or energy. */
    static boolean covers(TrackQuery q) {
        return q.text().isBlank() && q.genres().isEmpty() && q.energy() == null
                && (q.bpm() != null || !q.camelotKeys().isEmpty());
    }

    /**
     * The live documents matching a filter the columns {@link #covers}.
     *
     * @param live the segment's live documents, or null when none is deleted
     */
    FixedBitSet matching(TrackQuery q, Bits live) {
        FixedBitSet bits = new FixedBitSet(maxDoc);
        for (int[] block : blocks(q)) {
            int[] w = windows(block, q);
            for (int j = 0; j < w.length; j += 2) {
                for (int i = w[j]; i < w[j + 1]; i++) {
                    if (matches(i, q, live)) {
                        bits.set(docs[i]);
                    }
                }
            }
        }
        return bits;
    }

    /** True when {@link #scan} can answer: the segment's embeddings are here, each at one position. */
    boolean scannable() {
        return vectors != null;
    }

    /** At least as many as {@link #matching} finds (the documents in the filter's windows), without touching them. */
    long candidates(TrackQuery q) {
        long n = 0;
        for (int[] block : blocks(q)) {
            int[] w = windows(block, q);
            for (int j = 0; j < w.length; j += 2) {
                n += w[j + 1] - w[j];
            }
        }
        return n;
    }

    /**
     * Scores the embedding of every live document matching the filter, reading the embeddings
     * from this heap copy: the documents of a filter are a few runs of consecutive positions here,
     * read front to back, where in the index they lie one in ~25 documents apart. That is the
     * difference that matters at 1M tracks: the same 43,000 vectors take ~15 ms scattered and
     * ~3 ms in runs (memory latency, not arithmetic; measured on the bench's 1M index).
     */
    void scan(TrackQuery q, Bits live, NearestSearch.Scoring scoring, TopKnnCollector top) {
        for (int[] block : blocks(q)) {
            int[] w = windows(block, q);
            for (int j = 0; j < w.length; j += 2) {
                for (int i = w[j]; i < w[j + 1]; i++) {
                    if (hasVector.get(i) && matches(i, q, live)) {
                        top.collect(docs[i], scoring.score(vectors, i * dimension));
                    }
                }
            }
        }
    }

    /** The key blocks a filter reads: the requested keys', or all (and the key-less one) without keys. */
    private List<int[]> blocks(TrackQuery q) {
        List<int[]> list = new ArrayList<>();
        if (q.camelotKeys().isEmpty()) {
            list.addAll(blocks.values());
            list.add(noKey);
        } else {
            for (String key : q.camelotKeys()) {
                int[] block = blocks.get(key);
                if (block != null) {
                    list.add(block);
                }
            }
        }
        return list;
    }

    private boolean matches(int i, TrackQuery q, Bits live) {
        Range r = q.bpm();
        return (live == null || live.get(docs[i])) && (r == null || tempoMatches(bpm[i], r.min(), r.max(), q.bpmHalfDouble()));
    }

    /**
     * The positions of a block that may match the tempo, as disjoint {from, to} pairs (so no
     * document is visited twice): the whole block without a bpm range, else the windows of
     * bpm, bpm/2 and bpm·2. bpm/2 in [min, max] ⇔ bpm in [2·min, 2·max] and bpm·2 in [min, max] ⇔
     * bpm in [min/2, max/2], exact for normal doubles; each window is widened by an ulp, and
     * {@link #matches} checks every position with the exact predicate.
     */
    private int[] windows(int[] block, TrackQuery q) {
        Range r = q.bpm();
        if (r == null) {
            return block;
        }
        double[] bounds = q.bpmHalfDouble()
                ? new double[] {r.min(), r.max(), r.min() * 2, r.max() * 2, r.min() / 2, r.max() / 2}
                : new double[] {r.min(), r.max()};
        int[] found = new int[bounds.length];
        for (int x = 0; x < bounds.length; x += 2) {
            found[x] = first(block, Math.nextDown(bounds[x]), false);
            found[x + 1] = first(block, Math.nextUp(bounds[x + 1]), true);
        }
        // By start (negative ranges reverse the order of the three), then merged where they overlap.
        Integer[] order = {0, 2, 4};
        Arrays.sort(order, 0, found.length / 2, (x, y) -> Integer.compare(found[x], found[y]));
        int[] pairs = new int[found.length];
        int n = 0;
        for (int o = 0; o < found.length / 2; o++) {
            int from = found[order[o]];
            int to = found[order[o] + 1];
            if (from >= to) {
                continue;
            }
            if (n > 0 && from <= pairs[n - 1]) {
                pairs[n - 1] = Math.max(pairs[n - 1], to);
            } else {
                pairs[n++] = from;
                pairs[n++] = to;
            }
        }
        return Arrays.copyOf(pairs, n);
    }

    /** The first position whose bpm is at or above {@code value}, or above it when {@code after}. */
    private int first(int[] block, double value, boolean after) {
        int low = block[0];
        int high = block[1];
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = Double.compare(bpm[mid], value);
            if (c < 0 || after && c == 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    static boolean tempoMatches(double bpm, double min, double max, boolean halfDouble) {
        return within(bpm, min, max) || halfDouble && (within(bpm / 2, min, max) || within(bpm * 2, min, max));
    }

    private static boolean within(double v, double min, double max) {
        return Double.compare(v, min) >= 0 && Double.compare(v, max) <= 0;
    }

    /**
     * Loads a segment's columns.
     *
     * @param copyVectors whether to copy the embeddings too (the caller's heap budget allows it)
     */
    static SegmentColumns load(LeafReader reader, boolean copyVectors) throws IOException {
        int maxDoc = reader.maxDoc();
        double[] bpmByDoc = new double[maxDoc];
        Arrays.fill(bpmByDoc, Double.NaN);
        NumericDocValues values = DocValues.getNumeric(reader, Fields.BPM);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            bpmByDoc[doc] = Double.longBitsToDouble(values.longValue()); // DoubleDocValuesField stores the raw bits
        }
        // Each document's key ordinal (the key field holds one value; a document with several
        // would be in several blocks), ords = the block of documents without key.
        SortedSetDocValues keys = DocValues.getSortedSet(reader, Fields.KEY);
        int ords = Math.toIntExact(keys.getValueCount());
        int[] sizes = new int[ords + 1];
        Map<Integer, int[]> extra = new HashMap<>(); // never filled by this library's documents
        int[] ordByDoc = new int[maxDoc];
        Arrays.fill(ordByDoc, ords);
        int total = 0;
        for (int doc = keys.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = keys.nextDoc()) {
            int n = keys.docValueCount();
            ordByDoc[doc] = (int) keys.nextOrd();
            if (n > 1) {
                int[] more = new int[n - 1];
                for (int i = 0; i < n - 1; i++) {
                    more[i] = (int) keys.nextOrd();
                    sizes[more[i]]++;
                    total++;
                }
                extra.put(doc, more);
            }
        }
        for (int doc = 0; doc < maxDoc; doc++) {
            sizes[ordByDoc[doc]]++;
            total++;
        }
        int[] start = new int[ords + 2];
        for (int ord = 0; ord <= ords; ord++) {
            start[ord + 1] = start[ord] + sizes[ord];
        }
        int[] fill = Arrays.copyOf(start, ords + 1);
        int[] docs = new int[total];
        double[] bpm = new double[total];
        for (int doc = 0; doc < maxDoc; doc++) {
            int at = fill[ordByDoc[doc]]++;
            docs[at] = doc;
            bpm[at] = bpmByDoc[doc];
            int[] more = extra.get(doc);
            if (more != null) {
                for (int ord : more) {
                    at = fill[ord]++;
                    docs[at] = doc;
                    bpm[at] = bpmByDoc[doc];
                }
            }
        }
        Map<String, int[]> blocks = new HashMap<>();
        for (int ord = 0; ord <= ords; ord++) {
            sortByBpm(docs, bpm, start[ord], start[ord + 1]);
            if (ord < ords) {
                blocks.put(keys.lookupOrd(ord).utf8ToString(), new int[] {start[ord], start[ord + 1]});
            }
        }
        int[] noKey = {start[ords], start[ords + 1]};
        FloatVectorValues embeddings = reader.getFloatVectorValues(Fields.EMBEDDING);
        if (!copyVectors || embeddings == null || embeddings.size() == 0 || !extra.isEmpty()) {
            return new SegmentColumns(docs, bpm, blocks, noKey, maxDoc, null, null, 0);
        }
        int dimension = embeddings.dimension();
        int[] positionOf = new int[maxDoc];
        for (int i = 0; i < total; i++) {
            positionOf[docs[i]] = i;
        }
        float[] vectors = new float[Math.multiplyExact(total, dimension)];
        FixedBitSet hasVector = new FixedBitSet(total);
        for (int doc = embeddings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = embeddings.nextDoc()) {
            System.arraycopy(embeddings.vectorValue(), 0, vectors, positionOf[doc] * dimension, dimension);
            hasVector.set(positionOf[doc]);
        }
        return new SegmentColumns(docs, bpm, blocks, noKey, maxDoc, vectors, hasVector, dimension);
    }

    private static void sortByBpm(int[] docs, double[] bpm, int from, int to) {
        new IntroSorter() {
            private double pivot;

            @Override
            protected void setPivot(int i) {
                pivot = bpm[i];
            }

            @Override
            protected int comparePivot(int j) {
                return Double.compare(pivot, bpm[j]);
            }

            @Override
            protected int compare(int i, int j) {
                return Double.compare(bpm[i], bpm[j]);
            }

            @Override
            protected void swap(int i, int j) {
                int d = docs[i];
                docs[i] = docs[j];
                docs[j] = d;
                double b = bpm[i];
                bpm[i] = bpm[j];
                bpm[j] = b;
            }
        }.sort(from, to);
    }

    /**
     * The columns of the segments an index's readers see, each loaded on first use and dropped
     * when Lucene closes the segment's core (after a merge made it obsolete and no reader uses it).
     */
    static final class Cache {
        private final Map<IndexReader.CacheKey, SegmentColumns> columns = new ConcurrentHashMap<>();
        /**
         * Heap the embedding copies may take: a quarter of the JVM's maximum. Past it a segment
         * keeps only its bpm/key columns and its scan reads the index's vectors (slower, never
         * out of memory on a small heap with a big library).
         */
        private final long budget;
        private final AtomicLong vectorBytes = new AtomicLong();

        Cache() {
            this(Runtime.getRuntime().maxMemory() / 4);
        }

        /** With a heap budget in bytes for the embedding copies. */
        Cache(long budget) {
            this.budget = budget;
        }

        SegmentColumns get(LeafReader reader) throws IOException {
            IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
            if (helper == null) {
                return load(reader, false); // a reader that cannot say when it closes: not cached
            }
            IndexReader.CacheKey key = helper.getKey();
            SegmentColumns c = columns.get(key);
            if (c == null) {
                long bytes = vectorBytes(reader);
                boolean copy = vectorBytes.addAndGet(bytes) <= budget;
                if (!copy) {
                    vectorBytes.addAndGet(-bytes);
                }
                c = load(reader, copy);
                long reserved = copy ? bytes : 0;
                if (columns.putIfAbsent(key, c) == null) {
                    helper.addClosedListener(closed -> {
                        columns.remove(closed);
                        vectorBytes.addAndGet(-reserved);
                    });
                } else {
                    vectorBytes.addAndGet(-reserved); // another thread's copy won
                }
            }
            return c;
        }

        private static long vectorBytes(LeafReader reader) {
            FieldInfo info = reader.getFieldInfos().fieldInfo(Fields.EMBEDDING);
            return info == null ? 0 : 4L * info.getVectorDimension() * reader.maxDoc();
        }

        /**
         * Loads the columns of a refreshed reader's new segments, once this index has answered a
         * recommendation (a process that only searches, such as most commands, never pays).
         */
        void warm(IndexReader reader) throws IOException {
            if (columns.isEmpty()) {
                return;
            }
            for (LeafReaderContext leaf : reader.leaves()) {
                get(leaf.reader());
            }
        }

        int size() {
            return columns.size();
        }
    }
}
