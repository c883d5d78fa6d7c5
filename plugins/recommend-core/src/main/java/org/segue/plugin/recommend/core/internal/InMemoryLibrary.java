package org.segue.plugin.recommend.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;

/**
 * A brute-force in-memory library for the offline evaluation of the recommenders and their tests:
 * a few thousand tracks, searched and kNN-scanned linearly, with the filters the Lucene library
 * applies (bpm with half/double, Camelot keys, genres, mean energy). Text is ignored. Not for real
 * libraries.
 */
public class InMemoryLibrary implements TrackLibrary {

    /** The analysis of a synthetic track: a map of results. */
    public record Analysis(String trackId, Map<ResultKey<?>, Object> values) implements AnalysisResults {
        @Override
        public <T> Optional<T> get(ResultKey<T> key) {
            return Optional.ofNullable(key.type().cast(values.get(key)));
        }

        @Override
        public Set<ResultKey<?>> keys() {
            return Set.copyOf(values.keySet());
        }

        @Override
        public Optional<String> analyzer(ResultKey<?> key) {
            return values.containsKey(key) ? Optional.of("synthetic") : Optional.empty();
        }

        @Override
        public double durationSeconds() {
            return 300;
        }
    }

    private final Map<TrackId, Track> tracks = new LinkedHashMap<>();
    private final Map<TrackId, AnalysisResults> analyses = new LinkedHashMap<>();

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
    public List<ScoredTrack> nearest(float[] v, int k, TrackQuery filter) {
        List<ScoredTrack> scored = new ArrayList<>();
        for (Track t : tracks.values()) {
            float[] e = analysis(t.id()).flatMap(a -> a.get(StandardResults.EMBEDDING)).map(x -> x.vector()).orElse(null);
            if (e != null && matches(t, filter)) {
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int i = 0; i < v.length; i++) {
                    dot += v[i] * e[i];
                    na += v[i] * v[i];
                    nb += e[i] * e[i];
                }
                scored.add(new ScoredTrack(t, dot / Math.sqrt(na * nb)));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredTrack::similarity).reversed());
        return scored.subList(0, Math.min(k, scored.size()));
    }

    private boolean matches(Track t, TrackQuery q) {
        Optional<AnalysisResults> a = analysis(t.id());
        if (q.bpm() != null) {
            double bpm = a.flatMap(r -> r.get(StandardResults.TEMPO)).map(x -> x.bpm()).orElse(Double.NaN);
            if (!(q.bpm().contains(bpm) || q.bpmHalfDouble() && (q.bpm().contains(bpm * 2) || q.bpm().contains(bpm / 2)))) {
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
            // The mean of the curve, as the Lucene library indexes it.
            return a.flatMap(r -> r.get(StandardResults.ENERGY)).map(c -> q.energy().contains(TrackFeatures.mean(c))).orElse(false);
        }
        return true;
    }
}
