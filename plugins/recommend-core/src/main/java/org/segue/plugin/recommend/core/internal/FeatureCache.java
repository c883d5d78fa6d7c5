package org.segue.plugin.recommend.core.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.segue.api.library.Track;

/**
 * The recommendation features of a library's tracks, kept so that a request does not decode every
 * candidate's whole stored analysis again (that decoding was most of a request's time under load).
 *
 * <p>Keyed by the {@link Track} record itself: a track put again with another content hash, tags or
 * location is a new key, so edits are never served stale; the old entry ages out. Bounded (least
 * recently used goes first) so a big library cannot fill the heap: an entry is a few hundred bytes.
 *
 * <p>Thread-safe and lock-free: under a thousand concurrent requests a single lock around an
 * access-ordered map was where request threads spent their time (each request looks up dozens of
 * candidates). Bounded by evicting an arbitrary tenth when full rather than the least recently
 * used, which would need that lock; an evicted entry costs one decode.
 */
final class FeatureCache {
    static final int DEFAULT_CAPACITY = 100_000;

    private final Map<Track, TrackFeatures> entries = new ConcurrentHashMap<>();
    private final int capacity;

    FeatureCache(int capacity) {
        this.capacity = capacity;
    }

    TrackFeatures get(Track track) {
        return entries.get(track);
    }

    void put(Track track, TrackFeatures features) {
        if (entries.size() >= capacity) {
            int drop = Math.max(1, capacity / 10);
            Iterator<Track> it = entries.keySet().iterator();
            while (drop-- > 0 && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        entries.put(track, features);
    }

    int size() {
        return entries.size();
    }
}
