package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.segue.api.library.Track;

/**
 * Decoded {@link Track}s by index segment and document, so a track is read from the stored fields
 * once, not on every lookup.
 *
 * <p>Why: a track's document also stores its whole analysis (beats, curves, chords), and Lucene
 * decompresses a document's stored bytes whole even when a visitor wants five small fields. Under
 * load that decompression was most of what a recommendation request allocated, since each request
 * looks up its seed, its candidates and its answers.
 *
 * <p>A segment never changes once written (an update writes the track into a new segment and marks
 * the old document deleted, and searches skip deleted documents), so an entry is valid for as long
 * as its segment lives; it is dropped when Lucene closes the segment's core, as Lucene's own query
 * cache does. Lock-free: one array slot per document of each segment met. Bounded by count: once
 * {@code capacity} tracks are held, further ones are decoded but not kept, and the count falls as
 * merged-away segments are closed.
 */
final class SegmentTrackCache {

    /** Reads one document's track from the stored fields. */
    interface Decoder {
        Track decode(LeafReader leaf, int doc) throws IOException;
    }

    private final Map<Object, AtomicReferenceArray<Track>> segments = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    private final long capacity;
    private final Decoder decoder;

    SegmentTrackCache(long capacity, Decoder decoder) {
        this.capacity = capacity;
        this.decoder = decoder;
    }

    /** The track of a document given by its id in the whole index. */
    Track track(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return track(leaf.reader(), doc - leaf.docBase);
    }

    /** The track of a document given by its id within one segment. */
    Track track(LeafReader leaf, int doc) throws IOException {
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        if (helper == null) {
            return decoder.decode(leaf, doc); // a reader that cannot say when it closes: never cache
        }
        AtomicReferenceArray<Track> slots = segments.get(helper.getKey());
        if (slots == null) {
            slots = register(helper, leaf.maxDoc());
        }
        Track known = slots.get(doc);
        if (known != null) {
            return known;
        }
        Track decoded = decoder.decode(leaf, doc);
        if (held.get() < capacity && slots.compareAndSet(doc, null, decoded)) {
            held.incrementAndGet();
        }
        return decoded;
    }

    private AtomicReferenceArray<Track> register(IndexReader.CacheHelper helper, int maxDoc) {
        IndexReader.CacheKey key = helper.getKey();
        AtomicReferenceArray<Track> fresh = new AtomicReferenceArray<>(maxDoc);
        AtomicReferenceArray<Track> raced = segments.putIfAbsent(key, fresh);
        if (raced != null) {
            return raced;
        }
        helper.addClosedListener(closed -> {
            AtomicReferenceArray<Track> gone = segments.remove(closed);
            if (gone != null) {
                long n = 0;
                for (int i = 0; i < gone.length(); i++) {
                    n += gone.get(i) == null ? 0 : 1;
                }
                held.addAndGet(-n);
            }
        });
        return fresh;
    }

    /** How many tracks are held, for tests and the bench. */
    long size() {
        return held.get();
    }

    /** How many segments have a slot array, for tests. */
    int segments() {
        return segments.size();
    }
}
