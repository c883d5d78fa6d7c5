package org.segue.plugin.library.lucene.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.StandardResults;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;

/**
 * A track library in one Lucene index folder: one document per track (see {@link TrackDocuments}),
 * on an {@link IndexStore} that supplies durability (a commit per write) and concurrency.
 */
final class TrackIndex implements TrackLibrary, Closeable {

    /** One track and its analysis, for {@link #putAll}. */
    record Entry(Track track, AnalysisResults analysis) {
    }

    private static final int CANDIDATES = 64;

    private final IndexStore store;
    private final TrackQueries queries;
    private final TrackDocuments documents = new TrackDocuments();
    private final AnalysisJson json = new AnalysisJson();
    private final NearestSearch vectors;
    /** Tracks decoded once per segment; at ~0.5 KB each, 100,000 of them hold ~50 MB. */
    private final SegmentTrackCache tracks = new SegmentTrackCache(100_000,
            (leaf, doc) -> documents.track(leaf.storedFields().document(doc, TrackDocuments.TRACK_FIELDS)));

    private TrackIndex(IndexStore store, TrackQueries queries, SegmentColumns.Cache columns) {
        this.store = store;
        this.queries = queries;
        this.vectors = new NearestSearch(Fields.EMBEDDING, columns);
    }

    /**
     * Opens the library in a folder, creating both when missing.
     *
     * @throws IOException when the folder cannot be used, another process holds the index, or the
     *         index was written by a newer, incompatible Segue
     */
    static TrackIndex open(Path folder) throws IOException {
        Analyzer analyzer = new FoldingAnalyzer();
        SegmentColumns.Cache columns = new SegmentColumns.Cache();
        return new TrackIndex(IndexStore.open(folder, analyzer, columns::warm), new TrackQueries(analyzer), columns);
    }

    Path folder() {
        return store.folder();
    }

    /** The number of segments readers see now (for the benchmark). */
    int segmentCount() {
        return store.read(s -> s.getIndexReader().leaves().size());
    }

    @Override
    public Optional<Track> track(TrackId id) {
        Objects.requireNonNull(id, "id");
        return store.read(s -> find(s, id.value()));
    }

    @Override
    public Optional<AnalysisResults> analysis(TrackId id) {
        Objects.requireNonNull(id, "id");
        return store.read(s -> storedAnalysis(s, id.value()).map(json::decode));
    }

    @Override
    public SearchResult search(TrackQuery q) {
        Objects.requireNonNull(q, "query");
        Query query = queries.query(q);
        return store.read(s -> {
            int maxDoc = Math.max(1, s.getIndexReader().maxDoc());
            int wanted = (int) Math.min((long) q.offset() + q.limit(), maxDoc);
            FacetsCollectorManager.FacetsResult result;
            try {
                result = FacetsCollectorManager.search(s, query, wanted, new FacetsCollectorManager());
            } catch (IndexSearcher.TooManyClauses e) {
                throw new IllegalArgumentException("search query '" + q.text() + "' matches too many terms: "
                        + e.getMessage(), e);
            }
            FacetsCollector hits = result.facetsCollector();
            long total = hits.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            ScoreDoc[] docs = result.topDocs().scoreDocs;
            List<Track> page = new ArrayList<>();
            for (int i = q.offset(); i < docs.length && page.size() < q.limit(); i++) {
                page.add(tracks.track(s.getIndexReader(), docs[i].doc));
            }
            return new SearchResult(page, total, FacetCounter.count(s, hits));
        });
    }

    @Override
    public List<ScoredTrack> nearest(float[] vector, int k, TrackQuery filter) {
        Objects.requireNonNull(vector, "vector");
        if (k < 1 || k > TrackQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("k must be in 1.." + TrackQuery.MAX_LIMIT + ": " + k);
        }
        boolean nonZero = false;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("vector has a non-finite component: " + v);
            }
            nonZero |= v != 0;
        }
        if (!nonZero) {
            throw new IllegalArgumentException("vector is zero; cosine similarity needs a direction");
        }
        Query restriction = filter == null ? null : queries.restriction(filter);
        return store.read(s -> {
            int dimension = vectorDimension(s.getIndexReader());
            if (dimension == 0) {
                return List.of(); // no track has an embedding yet
            }
            if (dimension != vector.length) {
                throw new IllegalArgumentException("vector has " + vector.length
                        + " dimensions; the library's embeddings have " + dimension);
            }
            List<ScoreDoc> top = vectors.search(s, vector, k, candidates(k), filter, restriction);
            List<ScoredTrack> result = new ArrayList<>();
            for (ScoreDoc hit : top) {
                Track track = tracks.track(s.getIndexReader(), hit.doc);
                // Lucene scores cosine as (1 + cos) / 2.
                result.add(new ScoredTrack(track, Math.max(-1, Math.min(1, 2.0 * hit.score - 1))));
            }
            return result;
        });
    }

    /**
     * How many candidates the HNSW search keeps per segment (its beam, "ef"). Lucene's beam is the
     * query's k, and at k = 10 that misses about one true neighbour in twelve on high-dimensional
     * embeddings; a wider beam and the best k of it keep recall@10 near 1 for a fraction of a
     * millisecond more.
     */
    static int candidates(int k) {
        return Math.max(CANDIDATES, 2 * k);
    }

    @Override
    public void put(Track track, AnalysisResults analysis) {
        putAll(List.of(new Entry(Objects.requireNonNull(track, "track"), analysis)));
    }

    /** Puts several tracks with one commit (bulk import, benchmarks); each stays atomic. */
    void putAll(List<Entry> entries) {
        List<byte[]> blobs = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            AnalysisResults a = e.analysis();
            if (a != null && !a.trackId().equals(e.track().id().value())) {
                throw new IllegalArgumentException("analysis of track " + a.trackId() + " given for track "
                        + e.track().id().value());
            }
            blobs.add(a == null ? null : json.encode(a)); // outside the lock: the slow part of a put
        }
        store.write((s, writer) -> {
            int dimension = vectorDimension(s.getIndexReader());
            for (int i = 0; i < entries.size(); i++) {
                Track track = entries.get(i).track();
                AnalysisResults analysis = entries.get(i).analysis();
                byte[] blob = blobs.get(i);
                if (analysis == null) {
                    blob = storedAnalysis(s, track.id().value()).orElse(null);
                    analysis = blob == null ? null : json.decode(blob);
                }
                dimension = checkDimension(track, analysis, dimension);
                writer.updateDocument(new Term(Fields.ID, track.id().value()), documents.build(track, analysis, blob));
            }
            return true;
        });
    }

    @Override
    public boolean remove(TrackId id) {
        Objects.requireNonNull(id, "id");
        return store.write((s, writer) -> {
            if (s.count(new TermQuery(new Term(Fields.ID, id.value()))) == 0) {
                return false;
            }
            writer.deleteDocuments(new Term(Fields.ID, id.value()));
            return true;
        });
    }

    /** Rejects an embedding the vector field cannot take, naming the track, before Lucene does. */
    private static int checkDimension(Track track, AnalysisResults analysis, int dimension) {
        if (analysis == null) {
            return dimension;
        }
        int length = analysis.get(StandardResults.EMBEDDING).map(e -> e.dimension()).orElse(0);
        if (length != 0 && dimension != 0 && length != dimension) {
            throw new IllegalArgumentException("embedding of track " + track.id().value() + " has " + length
                    + " dimensions; the library's embeddings have " + dimension);
        }
        return dimension == 0 ? length : dimension;
    }

    /** The dimension of the embedding field, 0 when no track has one. */
    private static int vectorDimension(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(Fields.EMBEDDING);
            if (info != null && info.getVectorDimension() > 0) {
                return info.getVectorDimension();
            }
        }
        return 0;
    }

    private Optional<Track> find(IndexSearcher s, String id) throws IOException {
        TopDocs top = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(tracks.track(s.getIndexReader(), top.scoreDocs[0].doc));
    }

    private static Optional<byte[]> storedAnalysis(IndexSearcher s, String id) throws IOException {
        TopDocs top = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        BytesRef bytes = s.storedFields().document(top.scoreDocs[0].doc).getBinaryValue(Fields.ANALYSIS);
        return bytes == null ? Optional.empty()
                : Optional.of(Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
