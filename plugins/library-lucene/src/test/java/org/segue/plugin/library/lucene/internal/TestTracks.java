package org.segue.plugin.library.lucene.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Structure;
import org.segue.api.analysis.StructureSegment;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TempoSegment;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.ResultMap;

/** Synthetic tracks and analyses for the library tests. */
final class TestTracks {

    static final String MODEL = "test.embedding/1";

    private TestTracks() {
    }

    static Track track(String id, String artist, String title, String genre) {
        return new Track(new TrackId(id), URI.create("file:///music/" + id + ".flac"), "sha256:" + Integer.toHexString(id.hashCode()),
                new TrackTags(artist, title, "Album " + id, genre, null, null, Map.of("comment", "c-" + id)), 240,
                TrackSource.local());
    }

    /** Tempo, key, energy (constant curve), and optionally an embedding. */
    static ResultMap analysis(String id, double bpm, String camelot, double energy, float[] embedding) {
        ResultMap r = new ResultMap(id, 240);
        r.producer("test.tempo/1");
        r.put(StandardResults.TEMPO, new Tempo(bpm, 0.9));
        r.producer("test.key/1");
        r.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot(camelot), 0.8));
        r.producer("test.energy/1");
        r.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 0.5, new float[] {(float) energy, (float) energy}));
        if (embedding != null) {
            r.producer("test.embedding/1");
            r.put(StandardResults.EMBEDDING, new Embedding(MODEL, embedding));
        }
        return r;
    }

    /** A full analysis with every kind of value the round trip must survive. */
    static ResultMap fullAnalysis(String id, Random random) {
        ResultMap r = analysis(id, 124.5, "8A", 0.625, unitVector(random, 48));
        r.producer("test.rhythm/2");
        r.put(StandardResults.BEAT_GRID, new BeatGrid(new double[] {0.25, 0.73, 1.21, 1.69, 2.17}, 4, 1,
                List.of(new TempoSegment(0, 124.5), new TempoSegment(1.5, 125))));
        r.producer("test.loudness/1");
        r.put(StandardResults.LOUDNESS, new Loudness(Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY));
        r.put(StandardResults.MOOD, new Mood(0.25, -0.5));
        r.put(StandardResults.STRUCTURE, new Structure(List.of(new StructureSegment(0, 30, SegmentLabel.INTRO, 0.3),
                new StructureSegment(30, 90, SegmentLabel.DROP, 0.9))));
        return r;
    }

    static float[] unitVector(Random random, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

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
