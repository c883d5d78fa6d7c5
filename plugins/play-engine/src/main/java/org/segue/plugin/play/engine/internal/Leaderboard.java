package org.segue.plugin.play.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One ranking, kept sorted as scores change: an update is O(log n), a page O(offset + size), never a
 * rescan of the users. Holds only users who opted in; ties share a rank (1, 2, 2, 4), and among
 * equals the one who got there first is listed first.
 */
final class Leaderboard {

    /** A user's place: who, the score, and when (log position) the score was reached. */
    record Entry(String userId, double score, long reachedAt) {
    }

    /** One line of a page: the competition rank, the pseudonym shown and the score. */
    record Row(int rank, String name, double score) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::score).reversed()
            .thenComparingLong(Entry::reachedAt).thenComparing(Entry::userId);

    private final TreeSet<Entry> sorted = new TreeSet<>(ORDER);
    private final Map<String, Entry> byUser = new HashMap<>();

    /** Sets a user's score; a zero score is no place on the board. */
    void put(String userId, double score, long reachedAt) {
        Entry old = byUser.get(userId);
        if (old != null) {
            if (old.score() == score) {
                return;
            }
            sorted.remove(old);
            byUser.remove(userId);
        }
        if (score > 0) {
            Entry e = new Entry(userId, score, reachedAt);
            sorted.add(e);
            byUser.put(userId, e);
        }
    }

    void remove(String userId) {
        Entry old = byUser.remove(userId);
        if (old != null) {
            sorted.remove(old);
        }
    }

    /** Every entry, best first (for snapshots). */
    Iterable<Entry> entries() {
        return sorted;
    }

    int size() {
        return sorted.size();
    }

    /** Page {@code page} (from 1) of {@code size} rows; names come from the user's pseudonym. */
    List<Row> page(int page, int size, Map<String, String> pseudonyms) {
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1: " + page + ", " + size);
        }
        long first = (long) (page - 1) * size;
        List<Row> rows = new ArrayList<>();
        int position = 0;
        int rank = 0;
        double previous = Double.NaN;
        for (Iterator<Entry> it = sorted.iterator(); it.hasNext() && rows.size() < size; ) {
            Entry e = it.next();
            position++;
            if (e.score() != previous) {
                rank = position;
                previous = e.score();
            }
            if (position > first) {
                rows.add(new Row(rank, pseudonyms.getOrDefault(e.userId(), "?"), e.score()));
            }
        }
        return rows;
    }
}
