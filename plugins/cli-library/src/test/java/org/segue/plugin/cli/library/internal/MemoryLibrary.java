package org.segue.plugin.cli.library.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.StandardResults;
import org.segue.api.library.FacetCount;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;

/** A library in memory for command tests: records queries and answers them simply. */
final class MemoryLibrary implements TrackLibrary {

    final Map<TrackId, Track> tracks = new ConcurrentHashMap<>();
    final Map<TrackId, AnalysisResults> analyses = new ConcurrentHashMap<>();
    final AtomicInteger puts = new AtomicInteger();
    volatile TrackQuery lastQuery;
    volatile int lastK;

    @Override
    public Optional<Track> track(TrackId id) {
        return Optional.ofNullable(tracks.get(id));
    }

    @Override
    public Optional<AnalysisResults> analysis(TrackId id) {
        return Optional.ofNullable(analyses.get(id));
    }

    @Override
    public SearchResult search(TrackQuery query) {
        lastQuery = query;
        if (query.text().contains("(")) {
            throw new IllegalArgumentException("bad search query '" + query.text() + "': syntax error");
        }
        List<Track> all = tracks.values().stream().sorted(Comparator.comparing(t -> t.id().value())).toList();
        List<Track> page = all.stream().skip(query.offset()).limit(query.limit()).toList();
        return new SearchResult(page, all.size(), Map.of(SearchResult.GENRE, List.of(new FacetCount("house", all.size()))));
    }

    @Override
    public void put(Track track, AnalysisResults analysis) {
        if (analysis != null && !analysis.trackId().equals(track.id().value())) {
            throw new IllegalArgumentException("analysis of another track");
        }
        puts.incrementAndGet();
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

    /** Brute-force cosine over the stored embeddings. */
    @Override
    public List<ScoredTrack> nearest(float[] vector, int k, TrackQuery filter) {
        lastQuery = filter;
        lastK = k;
        List<ScoredTrack> scored = new ArrayList<>();
        analyses.forEach((id, a) -> a.get(StandardResults.EMBEDDING).ifPresent(e -> {
            float[] v = e.vector();
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int i = 0; i < v.length; i++) {
                dot += v[i] * vector[i];
                na += v[i] * v[i];
                nb += vector[i] * vector[i];
            }
            scored.add(new ScoredTrack(tracks.get(id), dot / Math.sqrt(na * nb)));
        }));
        scored.sort(Comparator.comparingDouble(ScoredTrack::similarity).reversed());
        return scored.subList(0, Math.min(k, scored.size()));
    }
}
