package org.segue.plugin.server.http.internal.play;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The latest {@link Entries} of each challenge, kept for a few seconds. Reading them costs one
 * history per user (every event of theirs, plugin timings included), and a page of entries with a
 * vote button per row would otherwise pay it on every click. Entries and votes are recorded by
 * this server only (no command records them), and each recording here drops the challenge's
 * snapshot, so what a user did shows at once; the time limit bounds how stale a pseudonym changed
 * by {@code segue leaderboard join} or a deleted account can look.
 */
final class EntriesCache {

    private record Snapshot(Entries entries, long at) {
    }

    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    EntriesCache(long maxAgeNanos, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAgeNanos;
        this.nanoTime = nanoTime;
    }

    /** The challenge's entries, read again when the snapshot is missing or too old. */
    Entries get(String challengeId, Supplier<Entries> read) {
        long now = nanoTime.getAsLong();
        Snapshot s = snapshots.get(challengeId);
        if (s == null || now - s.at() > maxAgeNanos) {
            s = new Snapshot(read.get(), now);
            snapshots.put(challengeId, s);
        }
        return s.entries();
    }

    /** Forgets a challenge's snapshot after recording one of its entries or votes. */
    void invalidate(String challengeId) {
        snapshots.remove(challengeId);
    }

    /** Forgets every snapshot: a pseudonym changed, which every challenge's entries show. */
    void clear() {
        snapshots.clear();
    }
}
