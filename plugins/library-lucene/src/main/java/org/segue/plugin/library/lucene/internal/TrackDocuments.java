package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.StructureSegment;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;

/** Turns a track and its analysis into one Lucene document, and stored fields back into a track. */
final class TrackDocuments {

    /** The stored fields {@link #track} reads; the analysis blob is left on disk. */
    static final Set<String> TRACK_FIELDS = Set.of(Fields.ID, Fields.LOCATION, Fields.HASH, Fields.ARTIST,
            Fields.TITLE, Fields.ALBUM, Fields.GENRE, Fields.TAG_BPM, Fields.TAG_KEY, Fields.TAG_OTHER,
            Fields.DURATION, Fields.SOURCE, Fields.REMOTE_ID, Fields.LICENCE, Fields.MIXABLE);

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The document of a track.
     *
     * @param analysis the decoded analysis the searchable features come from, or null
     * @param analysisBlob the analysis as stored ({@link AnalysisJson}), or null
     */
    Document build(Track track, AnalysisResults analysis, byte[] analysisBlob) {
        Document doc = new Document();
        doc.add(new StoredField(Fields.DOC_SCHEMA, Fields.SCHEMA));
        doc.add(new StringField(Fields.ID, track.id().value(), Field.Store.YES));
        doc.add(new StringField(Fields.LOCATION, track.location().toString(), Field.Store.YES));
        if (track.contentHash() != null) {
            doc.add(new StringField(Fields.HASH, track.contentHash(), Field.Store.YES));
        }
        TrackTags tags = track.tags();
        text(doc, Fields.ARTIST, tags.artist());
        text(doc, Fields.TITLE, tags.title());
        text(doc, Fields.ALBUM, tags.album());
        text(doc, Fields.GENRE, tags.genre());
        doc.add(new TextField(Fields.FILE_NAME, fileName(track.location()), Field.Store.NO));
        for (String genre : genres(tags.genre())) {
            keyword(doc, Fields.GENRE_VALUE, genre);
        }
        if (tags.bpm() != null) {
            doc.add(new StoredField(Fields.TAG_BPM, tags.bpm()));
        }
        if (tags.key() != null) {
            doc.add(new StoredField(Fields.TAG_KEY, tags.key()));
        }
        if (!tags.other().isEmpty()) {
            doc.add(new StoredField(Fields.TAG_OTHER, json(tags.other())));
        }
        doc.add(new StoredField(Fields.DURATION, track.durationSeconds()));
        TrackSource source = track.source();
        keyword(doc, Fields.SOURCE, source.service());
        doc.add(new StoredField(Fields.SOURCE, source.service()));
        if (source.remoteId() != null) {
            doc.add(new StoredField(Fields.REMOTE_ID, source.remoteId()));
        }
        if (source.licence() != null) {
            doc.add(new StoredField(Fields.LICENCE, source.licence()));
        }
        doc.add(new StoredField(Fields.MIXABLE, source.mixable() ? 1 : 0));
        features(doc, tags, analysis);
        if (analysisBlob != null) {
            doc.add(new StoredField(Fields.ANALYSIS, new BytesRef(analysisBlob)));
        }
        return doc;
    }

    /** The searchable features: from the analysis, falling back to the file's bpm and key tags. */
    private static void features(Document doc, TrackTags tags, AnalysisResults analysis) {
        Optional<AnalysisResults> a = Optional.ofNullable(analysis);
        Double bpm = a.flatMap(r -> r.get(StandardResults.TEMPO)).map(t -> t.bpm()).orElse(tags.bpm());
        if (bpm != null) {
            doc.add(new DoublePoint(Fields.BPM, bpm));
            doc.add(new DoubleDocValuesField(Fields.BPM, bpm));
            doc.add(new StoredField(Fields.BPM, bpm));
            // Two one-dimensional values of one field (multi-valued), not one two-dimensional point.
            doc.add(new DoublePoint(Fields.BPM_HALF_DOUBLE, bpm / 2));
            doc.add(new DoublePoint(Fields.BPM_HALF_DOUBLE, bpm * 2));
        }
        a.flatMap(r -> r.get(StandardResults.KEY)).map(KeyEstimate::key).or(() -> keyTag(tags.key()))
                .ifPresent(key -> keyword(doc, Fields.KEY, key.camelot()));
        if (analysis == null) {
            return;
        }
        analysis.get(StandardResults.ENERGY).ifPresent(curve -> number(doc, Fields.ENERGY, mean(curve)));
        analysis.get(StandardResults.LOUDNESS).map(l -> l.integratedLufs()).filter(Double::isFinite)
                .ifPresent(lufs -> number(doc, Fields.LOUDNESS, lufs));
        analysis.get(StandardResults.MOOD).ifPresent(mood -> {
            number(doc, Fields.VALENCE, mood.valence());
            number(doc, Fields.AROUSAL, mood.arousal());
        });
        analysis.get(StandardResults.STRUCTURE).ifPresent(structure -> structure.segments().stream()
                .map(StructureSegment::label).distinct()
                .forEach(label -> doc.add(new StringField(Fields.STRUCTURE, label.name().toLowerCase(Locale.ROOT),
                        Field.Store.NO))));
        analysis.get(StandardResults.EMBEDDING).filter(TrackDocuments::hasLength).ifPresent(e -> {
            doc.add(new KnnFloatVectorField(Fields.EMBEDDING, e.vector(), VectorSimilarityFunction.COSINE));
            doc.add(new StringField(Fields.EMBEDDING_MODEL, e.model(), Field.Store.YES));
        });
    }

    /** Cosine is undefined for the zero vector (digital silence); such a track is simply not in the graph. */
    private static boolean hasLength(Embedding e) {
        for (int i = 0; i < e.dimension(); i++) {
            if (e.get(i) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Reads a track from the stored fields of {@link #TRACK_FIELDS}. */
    Track track(Document doc) {
        Number tagBpm = number(doc.getField(Fields.TAG_BPM));
        String other = doc.get(Fields.TAG_OTHER);
        TrackTags tags = new TrackTags(doc.get(Fields.ARTIST), doc.get(Fields.TITLE), doc.get(Fields.ALBUM),
                doc.get(Fields.GENRE), tagBpm == null ? null : tagBpm.doubleValue(), doc.get(Fields.TAG_KEY),
                other == null ? Map.of() : map(other));
        Number mixable = number(doc.getField(Fields.MIXABLE));
        TrackSource source = new TrackSource(doc.get(Fields.SOURCE), doc.get(Fields.REMOTE_ID), doc.get(Fields.LICENCE),
                mixable != null && mixable.intValue() == 1);
        Number duration = number(doc.getField(Fields.DURATION));
        return new Track(new TrackId(doc.get(Fields.ID)), URI.create(doc.get(Fields.LOCATION)), doc.get(Fields.HASH),
                tags, duration == null ? 0 : duration.doubleValue(), source);
    }

    /** Genres of a tag, lower case; ';' and NUL separate several (ID3v2.4 and Vorbis habits). */
    static Set<String> genres(String tag) {
        Set<String> genres = new LinkedHashSet<>();
        if (tag != null) {
            for (String g : tag.split("[;\u0000]")) {
                String trimmed = g.strip().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    genres.add(trimmed);
                }
            }
        }
        return genres;
    }

    static double mean(FeatureCurve curve) {
        double sum = 0;
        for (int i = 0; i < curve.size(); i++) {
            sum += curve.value(i);
        }
        return sum / curve.size();
    }

    /** A key tag as Camelot ({@code 8A}) or Open Key ({@code 1m}); other spellings are not guessed. */
    static Optional<MusicalKey> keyTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (int wheel = 0; wheel < 2; wheel++) {
            try {
                return Optional.of(wheel == 0 ? MusicalKey.fromCamelot(tag) : MusicalKey.fromOpenKey(tag));
            } catch (IllegalArgumentException notThisWheel) {
                // try the next notation
            }
        }
        return Optional.empty();
    }

    private static String fileName(URI location) {
        String path = location.getPath();
        if (path == null) {
            return "";
        }
        Path name = Path.of(path.isEmpty() ? "/" : path).getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.YES));
        }
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static void number(Document doc, String field, double value) {
        doc.add(new DoublePoint(field, value));
        doc.add(new StoredField(field, value));
    }

    private static Number number(IndexableField field) {
        return field == null ? null : field.numericValue();
    }

    private String json(Map<String, String> map) {
        try {
            return mapper.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> map(String json) {
        try {
            return mapper.readValue(json, STRING_MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("stored tags are damaged", e);
        }
    }
}
