package org.segue.plugin.recommend.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.segue.api.library.Track;

/**
 * The recommendation features of a library's tracks, kept so that a request does not decode every
 * candidate's whole stored analysis again (that decoding was most of a request's time under load).
 *
 * <p>Keyed by the {@link Track} record itself: a track put again with another content hash, tags or
 * location is a new key, so edits are never served stale; the old entry ages out. Bounded (least
 * recently used goes first) so a big library cannot fill the heap: an entry is a few hundred bytes.
 *
 * <p>Thread-safe; one lock, held only for map operations, never while decoding.
 */
final class FeatureCache {
    static final int DEFAULT_CAPACITY = 100_000;

    private final Map<Track, TrackFeatures> entries;

    FeatureCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Track, TrackFeatures> eldest) {
                return size() > capacity;
            }
        };
    }

    TrackFeatures get(Track track) {
        synchronized (entries) {
            return entries.get(track);
        }
    }

    void put(Track track, TrackFeatures features) {
        synchronized (entries) {
            entries.put(track, features);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
