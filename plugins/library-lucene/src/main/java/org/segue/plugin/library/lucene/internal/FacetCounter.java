package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.facet.range.DoubleRange;
import org.apache.lucene.facet.range.DoubleRangeFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.segue.api.library.FacetCount;
import org.segue.api.library.SearchResult;

/**
 * Facet counts over a search's hits: genre, Camelot key and source from sorted-set doc values,
 * bpm in ten-BPM buckets from the bpm doc values.
 */
final class FacetCounter {

    /** The library's own facet: bpm buckets such as {@code 120-130}, {@code <70}, {@code 180+}. */
    static final String BPM = "bpm";
    /** At most this many values per string facet (keys and sources have fewer anyway). */
    static final int TOP = 50;

    private static final DoubleRange[] BPM_BUCKETS = bpmBuckets();

    private FacetCounter() {
    }

    /**
     * A searcher that carries the ordinal maps of its reader's string facets: built once per
     * refresh (after a commit), not per query.
     */
    static final class LibrarySearcher extends IndexSearcher {
        final StringDocValuesReaderState genres;
        final StringDocValuesReaderState keys;
        final StringDocValuesReaderState sources;

        LibrarySearcher(IndexReader reader) throws IOException {
            super(reader);
            genres = new StringDocValuesReaderState(reader, Fields.GENRE_VALUE);
            keys = new StringDocValuesReaderState(reader, Fields.KEY);
            sources = new StringDocValuesReaderState(reader, Fields.SOURCE);
        }
    }

    /** Makes {@link LibrarySearcher}s for the searcher manager, warming each refreshed reader first. */
    static final class Factory extends SearcherFactory {
        private final IndexStore.Warmer warmer;

        Factory(IndexStore.Warmer warmer) {
            this.warmer = warmer;
        }

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            if (previousReader != null) {
                warmer.warm(reader);
            }
            return new LibrarySearcher(reader);
        }
    }

    static Map<String, List<FacetCount>> count(LibrarySearcher searcher, FacetsCollector hits) throws IOException {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        facets.put(SearchResult.GENRE, strings(searcher.genres, Fields.GENRE_VALUE, hits));
        facets.put(SearchResult.KEY, strings(searcher.keys, Fields.KEY, hits));
        facets.put(SearchResult.SOURCE, strings(searcher.sources, Fields.SOURCE, hits));
        DoubleRangeFacetCounts bpm = new DoubleRangeFacetCounts(BPM, DoubleValuesSource.fromDoubleField(Fields.BPM),
                hits, BPM_BUCKETS);
        facets.put(BPM, sorted(bpm.getAllChildren(BPM)));
        return facets;
    }

    private static List<FacetCount> strings(StringDocValuesReaderState state, String field, FacetsCollector hits)
            throws IOException {
        if (hits.getMatchingDocs().stream().allMatch(m -> m.totalHits == 0)) {
            return List.of();
        }
        return sorted(new StringValueFacetCounts(state, hits).getTopChildren(TOP, field));
    }

    /** Non-zero counts, most frequent first, ties by label for a stable order. */
    private static List<FacetCount> sorted(FacetResult result) {
        List<FacetCount> counts = new ArrayList<>();
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                if (lv.value.longValue() > 0) {
                    counts.add(new FacetCount(lv.label, lv.value.longValue()));
                }
            }
        }
        counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
        return counts;
    }

    private static DoubleRange[] bpmBuckets() {
        List<DoubleRange> ranges = new ArrayList<>();
        ranges.add(new DoubleRange("<70", Double.NEGATIVE_INFINITY, true, 70, false));
        for (int low = 70; low < 180; low += 10) {
            ranges.add(new DoubleRange(low + "-" + (low + 10), low, true, low + 10, false));
        }
        ranges.add(new DoubleRange("180+", 180, true, Double.POSITIVE_INFINITY, true));
        return ranges.toArray(DoubleRange[]::new);
    }
}
