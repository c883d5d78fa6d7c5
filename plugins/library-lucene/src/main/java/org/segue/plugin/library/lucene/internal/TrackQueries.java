package org.segue.plugin.library.lucene.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.segue.api.library.Range;
import org.segue.api.library.TrackQuery;

/** Translates a {@link TrackQuery} into Lucene queries: parsed text plus filter clauses. */
final class TrackQueries {

    /** Artist and title weigh more than album, genre and file name. */
    private static final Map<String, Float> BOOSTS = Map.of(Fields.ARTIST, 2f, Fields.TITLE, 2f);

    private final Analyzer analyzer;

    TrackQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The whole query: text (scored) and filters (not scored); all tracks when both are empty. */
    Query query(TrackQuery q) {
        Query text = text(q.text());
        Query filter = filter(q);
        if (filter == null) {
            return text == null ? new MatchAllDocsQuery() : text;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        b.add(filter, Occur.FILTER);
        return b.build();
    }

    /**
     * Everything that restricts, text included, as one unscored query (the kNN pre-filter), or
     * null when nothing restricts.
     */
    Query restriction(TrackQuery q) {
        Query text = text(q.text());
        Query filter = filter(q);
        if (text == null || filter == null) {
            return text == null ? filter : text;
        }
        return new BooleanQuery.Builder().add(text, Occur.FILTER).add(filter, Occur.FILTER).build();
    }

    /**
     * Parses the text with the classic syntax ({@code daft punk}, {@code artist:"daft punk"},
     * {@code tit*}, {@code house -deep}); words must all match, each in any tag field.
     *
     * @return the query, or null for blank text
     * @throws IllegalArgumentException on a syntax error, naming the text
     */
    Query text(String text) {
        if (text.isBlank()) {
            return null;
        }
        // A parser is cheap and not thread-safe: one per query.
        MultiFieldQueryParser parser = new MultiFieldQueryParser(Fields.TEXT, analyzer, BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            // RuntimeException: the parser's own TokenMgrError and too-many-clauses on long input.
            throw new IllegalArgumentException("bad search query '" + text + "': " + firstLine(e.getMessage()), e);
        }
    }

    /** The filter clauses of a query, or null when none restricts. */
    static Query filter(TrackQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        if (q.bpm() != null) {
            b.add(bpm(q.bpm(), q.bpmHalfDouble()), Occur.FILTER);
            clauses++;
        }
        if (!q.camelotKeys().isEmpty()) {
            b.add(terms(Fields.KEY, q.camelotKeys()), Occur.FILTER);
            clauses++;
        }
        if (!q.genres().isEmpty()) {
            Set<String> lower = q.genres().stream().map(g -> g.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            b.add(terms(Fields.GENRE_VALUE, lower), Occur.FILTER);
            clauses++;
        }
        if (q.energy() != null) {
            b.add(range(Fields.ENERGY, q.energy()), Occur.FILTER);
            clauses++;
        }
        return clauses == 0 ? null : b.build();
    }

    private static Query bpm(Range range, boolean halfDouble) {
        Query exact = range(Fields.BPM, range);
        if (!halfDouble) {
            return exact;
        }
        // One multi-valued point field holds bpm/2 and bpm*2: a single range query matches either.
        return new BooleanQuery.Builder()
                .add(exact, Occur.SHOULD)
                .add(range(Fields.BPM_HALF_DOUBLE, range), Occur.SHOULD)
                .build();
    }

    private static Query range(String field, Range range) {
        return DoublePoint.newRangeQuery(field, range.min(), range.max());
    }

    private static Query terms(String field, Set<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
