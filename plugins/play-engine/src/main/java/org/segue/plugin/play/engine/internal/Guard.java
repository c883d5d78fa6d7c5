package org.segue.plugin.play.engine.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * The host's anti-abuse rules, checked before an event is stored (a refused event never enters the
 * store, so replays need not judge it again): at most N events per user per minute (plugin timings
 * excepted) and M votes per user per hour, by this process's clock (a client cannot pick its own
 * event times to get around it); one vote per user, challenge and mix, never for one's own mix;
 * pseudonyms well-formed and not taken; derived events not recordable.
 */
final class Guard {

    static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{3,24}");
    /** Events are small facts; a megabyte of attributes is a mistake or an attack, not a fact. */
    static final int MAX_ATTRIBUTE_CHARS = 1 << 20;

    private final int eventsPerMinute;
    private final int votesPerHour;
    private final Map<String, ArrayDeque<Instant>> recent = new HashMap<>();
    private final Map<String, ArrayDeque<Instant>> recentVotes = new HashMap<>();

    Guard(int eventsPerMinute, int votesPerHour) {
        this.eventsPerMinute = eventsPerMinute;
        this.votesPerHour = votesPerHour;
    }

    /** Why the event is refused, or null when it may be recorded. */
    String check(UserEvent e, Standings state, Instant now) throws SQLException {
        Map<String, String> a = e.attributes();
        long size = e.userId().length() + e.type().length();
        for (Map.Entry<String, String> each : a.entrySet()) {
            size += each.getKey().length() + each.getValue().length();
        }
        if (size > MAX_ATTRIBUTE_CHARS) {
            return "an event holds at most " + MAX_ATTRIBUTE_CHARS + " characters of attributes: " + size;
        }
        switch (e.type()) {
            case UserEventTypes.VOTE_RECEIVED -> {
                return "vote.received is derived by the host from vote.cast; record the vote instead";
            }
            case UserEventTypes.VOTE_CAST -> {
                String challenge = a.get(UserEventTypes.CHALLENGE);
                String mix = a.get(UserEventTypes.MIX);
                String author = a.get(UserEventTypes.AUTHOR);
                if (blank(challenge) || blank(mix) || blank(author)) {
                    return "a vote names the challenge, the mix and its author";
                }
                if (author.equals(e.userId())) {
                    return "no votes for one's own mix";
                }
                if (state.voted(e.userId(), challenge, mix)) {
                    return e.userId() + " has voted for " + mix + " in " + challenge + " already";
                }
                if (count(recentVotes, e.userId(), now, Duration.ofHours(1)) >= votesPerHour) {
                    return "at most " + votesPerHour + " votes per hour";
                }
            }
            case UserEventTypes.LEADERBOARD_JOINED -> {
                String name = a.get(UserEventTypes.PSEUDONYM);
                if (name == null || !PSEUDONYM.matcher(name).matches()) {
                    return "a pseudonym is 3 to 24 letters, digits, _ or -: " + name;
                }
                String owner = state.pseudonymOwner(name);
                if (owner != null && !owner.equals(e.userId())) {
                    return "the pseudonym " + name + " is taken";
                }
            }
            default -> {
                // no rule beyond the rate limit
            }
        }
        if (limited(e) && count(recent, e.userId(), now, Duration.ofMinutes(1)) >= eventsPerMinute) {
            return "at most " + eventsPerMinute + " events per user per minute";
        }
        return null;
    }

    /** Counts a recorded event against the user's limits. */
    void recorded(UserEvent e, Instant now) {
        if (limited(e)) {
            recent.computeIfAbsent(e.userId(), k -> new ArrayDeque<>()).addLast(now);
        }
        if (e.type().equals(UserEventTypes.VOTE_CAST)) {
            recentVotes.computeIfAbsent(e.userId(), k -> new ArrayDeque<>()).addLast(now);
        }
    }

    /** Takes back {@link #recorded} events whose transaction was rolled back: they were never stored. */
    void forget(Iterable<UserEvent> events) {
        for (UserEvent e : events) {
            if (limited(e)) {
                removeLast(recent, e.userId());
            }
            if (e.type().equals(UserEventTypes.VOTE_CAST)) {
                removeLast(recentVotes, e.userId());
            }
        }
    }

    private static void removeLast(Map<String, ArrayDeque<Instant>> times, String user) {
        ArrayDeque<Instant> q = times.get(user);
        if (q != null && !q.isEmpty()) {
            q.removeLast();
        }
    }

    /**
     * Plugin timings come from the engines, many per analysis and not by the user's hand; the api
     * exempts them from the per-user rate limit.
     */
    private static boolean limited(UserEvent e) {
        return !e.type().equals(UserEventTypes.PLUGIN_USED);
    }

    private static int count(Map<String, ArrayDeque<Instant>> times, String user, Instant now, Duration window) {
        ArrayDeque<Instant> q = times.get(user);
        if (q == null) {
            return 0;
        }
        Instant since = now.minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(since)) {
            q.removeFirst();
        }
        return q.size();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
