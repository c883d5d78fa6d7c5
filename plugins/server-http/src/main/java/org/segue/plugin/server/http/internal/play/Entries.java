package org.segue.plugin.server.http.internal.play;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.segue.api.play.EventLog;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * What the event log says about one challenge's entries: who entered which mix and who voted for
 * each. Read from the histories of the server's users, because {@code PlayStatistics} ranks
 * players but does not list entries: one history per user, which {@link EntriesCache} spares most
 * requests. Immutable once read, so one snapshot serves concurrent requests.
 */
final class Entries {

    /** One entered mix. */
    record Entry(String author, String mixId, Instant enteredAt, double durationSeconds, int trackCount) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Set<String>> voters = new HashMap<>();
    private final Map<String, String> pseudonyms = new HashMap<>();

    private Entries() {
    }

    /** Reads the histories of {@code users} for challenge {@code challengeId}. */
    static Entries of(EventLog log, Collection<String> users, String challengeId) {
        Entries out = new Entries();
        Set<String> seen = new HashSet<>();
        for (String user : users) {
            List<UserEvent> history = log.history(user);
            out.pseudonyms.put(user, pseudonym(history));
            for (UserEvent e : history) {
                Map<String, String> a = e.attributes();
                if (!challengeId.equals(a.get(UserEventTypes.CHALLENGE)) || a.get(UserEventTypes.MIX) == null) {
                    continue;
                }
                String mix = a.get(UserEventTypes.MIX);
                if (e.type().equals(UserEventTypes.CHALLENGE_ENTERED) && seen.add(user + '\n' + mix)) {
                    out.entries.add(new Entry(user, mix, e.time(), number(a.get(UserEventTypes.DURATION)),
                            (int) number(a.get(UserEventTypes.TRACK_COUNT))));
                } else if (e.type().equals(UserEventTypes.VOTE_CAST)) {
                    out.voters.computeIfAbsent(mix, k -> new HashSet<>()).add(user);
                }
            }
        }
        out.entries.sort((x, y) -> x.enteredAt().compareTo(y.enteredAt()));
        return out;
    }

    /** The pseudonym a user is on the leaderboards under, or {@code null} when they are not. */
    static String pseudonym(List<UserEvent> history) {
        String name = null;
        for (UserEvent e : history) {
            if (e.type().equals(UserEventTypes.LEADERBOARD_JOINED)) {
                name = e.attributes().get(UserEventTypes.PSEUDONYM);
            } else if (e.type().equals(UserEventTypes.LEADERBOARD_LEFT)) {
                name = null;
            }
        }
        return name;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entry of a mix, or {@code null} when it was not entered. */
    Entry entry(String mixId) {
        for (Entry e : entries) {
            if (e.mixId().equals(mixId)) {
                return e;
            }
        }
        return null;
    }

    int votes(String mixId) {
        return voters.getOrDefault(mixId, Set.of()).size();
    }

    boolean voted(String user, String mixId) {
        return voters.getOrDefault(mixId, Set.of()).contains(user);
    }

    String pseudonymOf(String user) {
        return pseudonyms.get(user);
    }

    private static double number(String s) {
        try {
            return s == null ? 0 : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
