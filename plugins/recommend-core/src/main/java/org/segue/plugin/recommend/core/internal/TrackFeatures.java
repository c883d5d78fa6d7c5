package org.segue.plugin.recommend.core.internal;

import java.util.Locale;
import java.util.Optional;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;

/**
 * What the recommenders know of one track, read once from the library: the stored analysis where
 * there is one, the file's tags otherwise. Unknown numbers are NaN, unknown strings {@code null}.
 *
 * @param track the track
 * @param bpm the tempo
 * @param camelot the main key as a Camelot code, e.g. {@code 8A}
 * @param energy the mean of the energy curve, {@code 0..1}
 * @param valence the mood's valence, {@code -1..1}
 * @param arousal the mood's arousal, {@code -1..1}
 * @param genre the genre tag, lower case
 * @param artist the artist tag
 * @param embedding the {@link StandardResults#EMBEDDING} vector, or {@code null}
 */
record TrackFeatures(Track track, double bpm, String camelot, double energy, double valence, double arousal,
        String genre, String artist, float[] embedding) {

    TrackId id() {
        return track.id();
    }

    /** The features of a track from its stored analysis and tags. */
    static TrackFeatures of(TrackLibrary library, Track track) {
        Optional<AnalysisResults> a = library.analysis(track.id());
        TrackTags tags = track.tags();
        double bpm = a.flatMap(r -> r.get(StandardResults.TEMPO)).map(t -> t.bpm())
                .orElse(tags.bpm() == null ? Double.NaN : tags.bpm());
        String key = a.flatMap(r -> r.get(StandardResults.KEY)).map(KeyEstimate::key).map(MusicalKey::camelot)
                .orElseGet(() -> keyTag(tags.key()));
        double energy = a.flatMap(r -> r.get(StandardResults.ENERGY)).map(TrackFeatures::mean).orElse(Double.NaN);
        double valence = a.flatMap(r -> r.get(StandardResults.MOOD)).map(m -> m.valence()).orElse(Double.NaN);
        double arousal = a.flatMap(r -> r.get(StandardResults.MOOD)).map(m -> m.arousal()).orElse(Double.NaN);
        float[] embedding = a.flatMap(r -> r.get(StandardResults.EMBEDDING)).map(e -> e.vector()).orElse(null);
        String genre = tags.genre() == null || tags.genre().isBlank() ? null
                : tags.genre().strip().toLowerCase(Locale.ROOT);
        return new TrackFeatures(track, bpm, key, energy, valence, arousal, genre, tags.artist(), embedding);
    }

    /** The features of a track by id, or empty when the library does not hold it. */
    static Optional<TrackFeatures> of(TrackLibrary library, TrackId id) {
        return library.track(id).map(t -> of(library, t));
    }

    /** "Artist – Title", the title, or the id: what a listener recognises. */
    String label() {
        return label(track);
    }

    /** "Artist – Title", the title, or the id of a track. */
    static String label(Track track) {
        TrackTags tags = track.tags();
        if (tags.title() == null) {
            return track.id().value();
        }
        return tags.artist() == null ? tags.title() : tags.artist() + " – " + tags.title();
    }

    static double mean(FeatureCurve curve) {
        double sum = 0;
        for (int i = 0; i < curve.size(); i++) {
            sum += curve.value(i);
        }
        return sum / curve.size();
    }

    /** A key tag in Camelot ({@code 8A}), Open Key ({@code 1m}) or neither (then {@code null}). */
    private static String keyTag(String tag) {
        if (tag == null) {
            return null;
        }
        try {
            return MusicalKey.fromCamelot(tag).camelot();
        } catch (IllegalArgumentException notCamelot) {
            try {
                return MusicalKey.fromOpenKey(tag).camelot();
            } catch (IllegalArgumentException notOpenKey) {
                return null;
            }
        }
    }
}
