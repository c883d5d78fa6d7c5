package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.audio.TrackTags;

class SegmentTrackCacheTest {

    @TempDir
    Path folder;

    final AtomicInteger decoded = new AtomicInteger();

    SegmentTrackCache cache(long capacity) {
        return new SegmentTrackCache(capacity, (leaf, doc) -> {
            decoded.incrementAndGet();
            String id = leaf.storedFields().document(doc).get("id");
            return new Track(new TrackId(id), URI.create("file:///m/" + id + ".wav"), "sha256:" + id,
                    new TrackTags(null, id, null, null, null, null, Map.of()), 1, TrackSource.local());
        });
    }

    static Document doc(String id) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.YES));
        return d;
    }

    @Test
    void aDocumentIsDecodedOnceAndMergedAwaySegmentsAreDropped() throws Exception {
        SegmentTrackCache cache = cache(100);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            w.addDocument(doc("a"));
            w.commit();
            w.addDocument(doc("b"));
            w.commit();
            DirectoryReader first = DirectoryReader.open(dir);
            assertEquals(2, first.leaves().size(), "two commits, two segments");
            Track a = cache.track(first, 0);
            Track b = cache.track(first, 1);
            assertEquals("a", a.id().value());
            assertEquals("b", b.id().value());
            assertSame(a, cache.track(first, 0));
            assertSame(b, cache.track(first, 1));
            assertEquals(2, decoded.get(), "the second lookups came from the cache");
            assertEquals(2, cache.size());

            w.forceMerge(1);
            w.commit();
            DirectoryReader merged = DirectoryReader.openIfChanged(first);
            first.close();
            assertEquals(0, cache.size(), "closing the old segments dropped their tracks");
            assertEquals(0, cache.segments());
            assertEquals("b", cache.track(merged, 1).id().value());
            assertEquals(3, decoded.get(), "a new segment is decoded anew");
            merged.close();
        }
    }

    @Test
    void pastCapacityTracksAreDecodedButNotKept() throws Exception {
        SegmentTrackCache cache = cache(1);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            w.addDocument(doc("a"));
            w.addDocument(doc("b"));
            w.commit();
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                cache.track(r, 0);
                cache.track(r, 1);
                cache.track(r, 1);
                cache.track(r, 0);
                assertEquals(1, cache.size());
                assertEquals(3, decoded.get(), "a kept, b decoded twice");
            }
        }
    }

    @Test
    void anUpdatedTrackIsNeverServedStale() throws Exception {
        try (TrackIndex index = TrackIndex.open(folder)) {
            Track old = TestTracks.track("t1", "A", "Old", "techno");
            index.put(old, TestTracks.analysis("t1", 128, "8A", 0.5, null));
            assertEquals(old, index.track(new TrackId("t1")).orElseThrow());
            assertEquals(old, index.search(org.segue.api.library.TrackQuery.text("old")).tracks().get(0));
            Track renamed = TestTracks.track("t1", "A", "New", "techno");
            index.put(renamed, null);
            assertEquals(renamed, index.track(new TrackId("t1")).orElseThrow());
            assertEquals(renamed, index.search(org.segue.api.library.TrackQuery.text("new")).tracks().get(0));
        }
    }
}
