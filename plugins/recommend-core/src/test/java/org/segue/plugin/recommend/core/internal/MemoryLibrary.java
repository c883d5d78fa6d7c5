package org.segue.plugin.recommend.core.internal;

import java.net.URI;
import java.util.Map;

import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.ResultMap;

/** The in-memory library with a shorthand for adding tracks with the features the tests vary. */
final class MemoryLibrary extends InMemoryLibrary {

    /** Adds a track with tags and an analysis; NaN or null leaves a feature out. */
    TrackId add(String id, String artist, String genre, double bpm, String camelot, double energy, double valence,
            double arousal, float... embedding) {
        TrackId tid = new TrackId(id);
        Track t = new Track(tid, URI.create("file:///music/" + id + ".wav"), null,
                new TrackTags(artist, "Title " + id, null, genre, null, null, Map.of()), 300, TrackSource.local());
        ResultMap a = new ResultMap(id, 300);
        if (!Double.isNaN(bpm)) {
            a.put(StandardResults.TEMPO, new Tempo(bpm, 0.9));
        }
        if (camelot != null) {
            a.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot(camelot), 0.8));
        }
        if (!Double.isNaN(energy)) {
            a.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 1, new float[] {(float) energy}));
        }
        if (!Double.isNaN(valence)) {
            a.put(StandardResults.MOOD, new Mood(valence, arousal));
        }
        if (embedding.length > 0) {
            a.put(StandardResults.EMBEDDING, new Embedding("test", embedding));
        }
        put(t, a);
        return tid;
    }

    /** The reference cosine similarity the tests compare scores with. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
