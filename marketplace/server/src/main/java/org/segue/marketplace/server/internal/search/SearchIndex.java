package org.segue.marketplace.server.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.segue.marketplace.server.internal.bundle.ApiRelease;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.catalog.Release;
import org.segue.marketplace.server.internal.catalog.ReleaseMetadata;

/**
 * Full-text search over the catalogue with Lucene: one document per plugin that has a version
 * not yanked, with its text (name, summary, description, symbolic name, publisher), category, and
 * the api releases some version of it is compatible with. The index lives in memory and is
 * rebuilt from the catalogue on start: the journal is the truth, so the index never needs its own
 * crash recovery.
 */
public final class SearchIndex implements Closeable {

    private static final String ID = "id";
    private static final String CATEGORY = "category";
    private static final String COMPATIBLE = "compatible";
    private static final String[] TEXT_FIELDS = {"name", "summary", "description", "symbolicName", "publisher"};
    private static final float[] BOOSTS = {4f, 2f, 1f, 3f, 1f};

    private final Analyzer analyzer = new StandardAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final List<ApiRelease> apis;

    public SearchIndex(List<ApiRelease> apis) {
        this.apis = List.copyOf(apis);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes the plugin's current state, or removes it when every version is yanked. */
    public void update(Plugin plugin) {
        updateAll(List.of(plugin));
    }

    /** Indexes many plugins and makes them searchable once, as on start. */
    public void updateAll(List<Plugin> plugins) {
        try {
            for (Plugin plugin : plugins) {
                Term id = new Term(ID, plugin.symbolicName());
                if (plugin.latest().isEmpty()) {
                    writer.deleteDocuments(id);
                } else {
                    writer.updateDocument(id, document(plugin));
                }
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document document(Plugin plugin) {
        ReleaseMetadata m = plugin.metadata();
        Document d = new Document();
        d.add(new StringField(ID, plugin.symbolicName(), Field.Store.YES));
        d.add(new StringField(CATEGORY, m.category(), Field.Store.NO));
        String[] texts = {m.name(), m.summary(), m.description() == null ? "" : m.description(),
                plugin.symbolicName().replace('.', ' ').replace('-', ' ').replace('_', ' '), plugin.owner()};
        for (int i = 0; i < TEXT_FIELDS.length; i++) {
            d.add(new TextField(TEXT_FIELDS[i], texts[i], Field.Store.NO));
        }
        for (String api : compatibleApis(plugin)) {
            d.add(new StringField(COMPATIBLE, api, Field.Store.NO));
        }
        return d;
    }

    /**
     * The api releases at least one non-yanked version accepts, each under its full version and
     * its {@code major.minor.micro} (so {@code api=0.1.0} finds plugins for {@code 0.1.0.SNAPSHOT}).
     */
    public Set<String> compatibleApis(Plugin plugin) {
        Set<String> out = new LinkedHashSet<>();
        for (ApiRelease api : apis) {
            for (Release r : plugin.versions()) {
                if (!r.yanked() && api.accepts(r.headers())) {
                    out.add(api.version().toString());
                    out.add(api.version().major() + "." + api.version().minor() + "." + api.version().micro());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Symbolic names of matching plugins, best first. Every word of {@code text} must match some
     * field (the last one as a prefix, for search-as-you-type); null or blank filters match all.
     */
    public List<String> search(String text, String category, String api, int limit) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        List<String> words = words(text);
        for (int w = 0; w < words.size(); w++) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (int i = 0; i < TEXT_FIELDS.length; i++) {
                Term t = new Term(TEXT_FIELDS[i], words.get(w));
                Query one = w == words.size() - 1 ? new PrefixQuery(t) : new TermQuery(t);
                any.add(new BoostQuery(one, BOOSTS[i]), Occur.SHOULD);
            }
            q.add(any.build(), Occur.MUST);
        }
        if (words.isEmpty()) {
            q.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (category != null && !category.isBlank()) {
            q.add(new TermQuery(new Term(CATEGORY, category.trim())), Occur.FILTER);
        }
        if (api != null && !api.isBlank()) {
            q.add(new TermQuery(new Term(COMPATIBLE, api.trim())), Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<String> out = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(q.build(), Math.max(1, limit)).scoreDocs) {
                    out.add(searcher.storedFields().document(sd.doc).get(ID));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("name", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < 16) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        analyzer.close();
    }
}
