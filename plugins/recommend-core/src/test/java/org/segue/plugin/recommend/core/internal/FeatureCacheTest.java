package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;

class FeatureCacheTest {
    /** Counts how often a stored analysis is decoded. */
    static final class CountingLibrary extends InMemoryLibrary {
        final AtomicInteger decoded = new AtomicInteger();

        @Override
        public Optional<AnalysisResults> analysis(TrackId id) {
            decoded.incrementAndGet();
            return super.analysis(id);
        }
    }

    @Test
    void aTrackIsDecodedOncePerVersion() {
        MemoryLibrary source = new MemoryLibrary();
        TrackId id = source.add("a", "Ann", "house", 124, "8A", 0.7, 0.5, 0.5, 1f, 0f);
        CountingLibrary library = new CountingLibrary();
        Track track = source.track(id).orElseThrow();
        library.put(track, source.analysis(id).orElseThrow());
        UserLibraries libraries = UserLibraries.of(library);

        TrackFeatures first = libraries.features(library, id).orElseThrow();
        TrackFeatures again = libraries.features(library, id).orElseThrow();
        assertSame(first, again);
        assertEquals(1, library.decoded.get());
        assertEquals(124, first.bpm(), 1e-9);

        // Put again with other tags (a new version of the track): decoded anew, never served stale.
        Track retagged = new Track(track.id(), track.location(), "sha256:ff", track.tags(), track.durationSeconds(),
                track.source());
        library.put(retagged, null);
        libraries.features(library, id);
        assertEquals(2, library.decoded.get());
    }

    @Test
    void theLeastRecentlyUsedGoesFirst() {
        MemoryLibrary source = new MemoryLibrary();
        FeatureCache cache = new FeatureCache(2);
        Map<String, Track> tracks = new java.util.HashMap<>();
        for (String id : new String[] {"a", "b", "c"}) {
            tracks.put(id, source.track(source.add(id, "X", "g", 120, "8A", 0.5, 0.5, 0.5)).orElseThrow());
        }
        TrackFeatures fa = TrackFeatures.of(source, tracks.get("a"));
        cache.put(tracks.get("a"), fa);
        cache.put(tracks.get("b"), TrackFeatures.of(source, tracks.get("b")));
        cache.get(tracks.get("a"));
        cache.put(tracks.get("c"), TrackFeatures.of(source, tracks.get("c")));
        assertEquals(2, cache.size());
        assertSame(fa, cache.get(tracks.get("a")));
        assertNull(cache.get(tracks.get("b")), "b was used least recently");
    }
}
