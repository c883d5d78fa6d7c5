package org.segue.plugin.server.http.internal.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;

/**
 * A library in a map, with the contract's rules the services and recommenders rely on (analysis
 * ids, paging, bpm/key/genre filters); no text search.
 */
final class MemoryLibrary implements TrackLibrary {

    final Map<String, Track> tracks = new ConcurrentSkipListMap<>();
    final Map<String, AnalysisResults> analyses = new ConcurrentSkipListMap<>();
    int puts;

    @Override
    public Optional<Track> track(TrackId id) {
        return Optional.ofNullable(tracks.get(id.value()));
    }

    @Override
    public Optional<AnalysisResults> analysis(TrackId id) {
        return Optional.ofNullable(analyses.get(id.value()));
    }

    @Override
    public SearchResult search(TrackQuery query) {
        List<Track> all = new ArrayList<>();
        for (Track t : tracks.values()) {
            if (matches(t, query)) {
                all.add(t);
            }
        }
        int from = Math.min(query.offset(), all.size());
        int to = Math.min(all.size(), from + query.limit());
        return new SearchResult(all.subList(from, to), all.size(), Map.of());
    }

    private boolean matches(Track t, TrackQuery q) {
        Optional<AnalysisResults> a = analysis(t.id());
        if (q.bpm() != null) {
            double bpm = a.flatMap(r -> r.get(StandardResults.TEMPO)).map(Tempo::bpm).orElse(Double.NaN);
            boolean in = q.bpm().contains(bpm) || (q.bpmHalfDouble() && (q.bpm().contains(bpm * 2) || q.bpm().contains(bpm / 2)));
            if (!in) {
                return false;
            }
        }
        if (!q.camelotKeys().isEmpty()) {
            String key = a.flatMap(r -> r.get(StandardResults.KEY)).map(k -> k.key().camelot()).orElse(null);
            if (!q.camelotKeys().contains(key)) {
                return false;
            }
        }
        return q.genres().isEmpty() || q.genres().contains(t.tags().genre());
    }

    @Override
    public synchronized void put(Track track, AnalysisResults analysis) {
        if (analysis != null && !analysis.trackId().equals(track.id().value())) {
            throw new IllegalArgumentException("analysis of " + analysis.trackId() + " put for " + track.id().value());
        }
        puts++;
        tracks.put(track.id().value(), track);
        if (analysis != null) {
            analyses.put(track.id().value(), analysis);
        }
    }

    @Override
    public boolean remove(TrackId id) {
        analyses.remove(id.value());
        return tracks.remove(id.value()) != null;
    }

    @Override
    public List<ScoredTrack> nearest(float[] vector, int k, TrackQuery filter) {
        throw new UnsupportedOperationException("not needed by the music services");
    }
}
