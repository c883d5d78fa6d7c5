package org.segue.plugin.library.lucene.internal;

/**
 * The Lucene field names of a track document. Stored in every index: never rename, bump
 * {@link #SCHEMA} when a field changes meaning.
 */
final class Fields {

    /** The document schema, stored per document and in the commit data. */
    static final int SCHEMA = 1;
    /** Commit user-data key holding {@link #SCHEMA}. */
    static final String SCHEMA_COMMIT_KEY = "segue.library.schema";

    // Identity and file: keywords, stored.
    static final String ID = "id";
    static final String LOCATION = "location";
    static final String HASH = "hash";

    // Tags: analysed full text, stored as written.
    static final String ARTIST = "artist";
    static final String TITLE = "title";
    static final String ALBUM = "album";
    static final String GENRE = "genre";
    /** The file name without extension, so untagged files can be found; not stored. */
    static final String FILE_NAME = "filename";
    static final String[] TEXT = {ARTIST, TITLE, ALBUM, GENRE, FILE_NAME};

    // Keywords for filters and facets (indexed term + sorted-set doc values).
    /** Lower-case genres, split at ';'. */
    static final String GENRE_VALUE = "genre.value";
    /** Camelot code of the main key. */
    static final String KEY = "key";
    /** TrackSource#service. */
    static final String SOURCE = "source";
    /** Structure labels present in the track, lower case. */
    static final String STRUCTURE = "structure";

    // Numbers: point (range filters), stored; bpm also has doc values for the bucket facet.
    static final String BPM = "bpm";
    /** Half and double the bpm, two point values, for half/double-time matches. */
    static final String BPM_HALF_DOUBLE = "bpm.halfdouble";
    static final String ENERGY = "energy";
    static final String LOUDNESS = "loudness";
    static final String VALENCE = "valence";
    static final String AROUSAL = "arousal";

    /** The embedding: HNSW graph, cosine. */
    static final String EMBEDDING = "embedding";
    static final String EMBEDDING_MODEL = "embedding.model";

    // Stored only.
    static final String TAG_BPM = "tag.bpm";
    static final String TAG_KEY = "tag.key";
    static final String TAG_OTHER = "tag.other";
    static final String DURATION = "duration";
    static final String REMOTE_ID = "source.remoteid";
    static final String LICENCE = "source.licence";
    static final String MIXABLE = "source.mixable";
    /** The whole analysis, deflated JSON (see AnalysisJson). */
    static final String ANALYSIS = "analysis";
    static final String DOC_SCHEMA = "schema";

    private Fields() {
    }
}
