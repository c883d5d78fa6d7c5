package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aFullCacheStaysWithinItsCapacityAndKeepsTheNewest() {
        MemoryLibrary source = new MemoryLibrary();
        FeatureCache cache = new FeatureCache(20);
        Track last = null;
        TrackFeatures lastFeatures = null;
        for (int i = 0; i < 100; i++) {
            last = source.track(source.add("t" + i, "X", "g", 120, "8A", 0.5, 0.5, 0.5)).orElseThrow();
            lastFeatures = TrackFeatures.of(source, last);
            cache.put(last, lastFeatures);
            assertTrue(cache.size() <= 20, "size " + cache.size() + " after " + (i + 1) + " puts");
        }
        assertTrue(cache.size() >= 18, "eviction drops a tenth at a time, not everything: " + cache.size());
        assertSame(lastFeatures, cache.get(last), "the entry just put is kept");
    }
}
