package org.segue.plugin.recommend.core.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Range;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.ResultMap;

/**
 * A brute-force {@link TrackLibrary} over a list, honouring every filter the recommenders use
 * (bpm with half/double, Camelot keys, genres, energy) the way the Lucene library does.
 */
final class MemoryLibrary implements TrackLibrary {

    private final Map<TrackId, Track> tracks = new LinkedHashMap<>();
    private final Map<TrackId, AnalysisResults> analyses = new LinkedHashMap<>();

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

    @Override
    public Optional<Track> track(TrackId id) {
        return Optional.ofNullable(tracks.get(id));
    }

    @Override
    public Optional<AnalysisResults> analysis(TrackId id) {
        return Optional.ofNullable(analyses.get(id));
    }

    @Override
    public SearchResult search(TrackQuery q) {
        List<Track> hits = tracks.values().stream().filter(t -> matches(t, q)).toList();
        return new SearchResult(hits.stream().skip(q.offset()).limit(q.limit()).toList(), hits.size(), Map.of());
    }

    @Override
    public void put(Track track, AnalysisResults analysis) {
        tracks.put(track.id(), track);
        if (analysis != null) {
            analyses.put(track.id(), analysis);
        }
    }

    @Override
    public boolean remove(TrackId id) {
        analyses.remove(id);
        return tracks.remove(id) != null;
    }

    @Override
    public List<ScoredTrack> nearest(float[] vector, int k, TrackQuery filter) {
        List<ScoredTrack> scored = new ArrayList<>();
        for (Track t : tracks.values()) {
            Optional<Embedding> e = analysis(t.id()).flatMap(a -> a.get(StandardResults.EMBEDDING));
            if (e.isPresent() && matches(t, filter)) {
                scored.add(new ScoredTrack(t, cosine(vector, e.get().vector())));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredTrack::similarity).reversed());
        return scored.subList(0, Math.min(k, scored.size()));
    }

    private boolean matches(Track t, TrackQuery q) {
        Optional<AnalysisResults> a = analysis(t.id());
        if (q.bpm() != null) {
            Optional<Double> bpm = a.flatMap(r -> r.get(StandardResults.TEMPO)).map(Tempo::bpm);
            if (bpm.isEmpty() || !(q.bpm().contains(bpm.get())
                    || q.bpmHalfDouble() && (q.bpm().contains(bpm.get() * 2) || q.bpm().contains(bpm.get() / 2)))) {
                return false;
            }
        }
        if (!q.camelotKeys().isEmpty() && !a.flatMap(r -> r.get(StandardResults.KEY))
                .map(k -> q.camelotKeys().contains(k.key().camelot())).orElse(false)) {
            return false;
        }
        if (!q.genres().isEmpty() && (t.tags().genre() == null
                || !q.genres().contains(t.tags().genre().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (q.energy() != null) {
            Range r = q.energy();
            return a.flatMap(x -> x.get(StandardResults.ENERGY)).map(c -> r.contains(TrackFeatures.mean(c)))
                    .orElse(false);
        }
        return true;
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
