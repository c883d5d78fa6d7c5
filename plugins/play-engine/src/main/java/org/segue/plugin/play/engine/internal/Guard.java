package org.segue.plugin.play.engine.internal;

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
 * log, so replays need not judge it again): at most N events per user per minute and M votes per
 * user per hour, by this process's clock (a client cannot pick its own event times to get around
 * it); one vote per user, challenge and mix, never for one's own mix; pseudonyms well-formed and
 * not taken; derived events not recordable.
 */
final class Guard {

    static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{3,24}");

    private final int eventsPerMinute;
    private final int votesPerHour;
    private final Map<String, ArrayDeque<Instant>> recent = new HashMap<>();
    private final Map<String, ArrayDeque<Instant>> recentVotes = new HashMap<>();

    Guard(int eventsPerMinute, int votesPerHour) {
        this.eventsPerMinute = eventsPerMinute;
        this.votesPerHour = votesPerHour;
    }

    /** Why the event is refused, or null when it may be recorded. */
    String check(UserEvent e, PlayState state, Instant now) {
        Map<String, String> a = e.attributes();
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
        if (count(recent, e.userId(), now, Duration.ofMinutes(1)) >= eventsPerMinute) {
            return "at most " + eventsPerMinute + " events per user per minute";
        }
        return null;
    }

    /** Counts a recorded event against the user's limits. */
    void recorded(UserEvent e, Instant now) {
        recent.computeIfAbsent(e.userId(), k -> new ArrayDeque<>()).addLast(now);
        if (e.type().equals(UserEventTypes.VOTE_CAST)) {
            recentVotes.computeIfAbsent(e.userId(), k -> new ArrayDeque<>()).addLast(now);
        }
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
