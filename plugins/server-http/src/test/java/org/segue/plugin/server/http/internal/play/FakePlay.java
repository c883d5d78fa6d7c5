package org.segue.plugin.server.http.internal.play;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.EventLog;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * A play engine in memory for the route tests: an {@link EventLog} with the engine's refusals (a
 * second vote for a mix, a vote for one's own, a taken pseudonym, and any event while
 * {@link #refuseAll} is set, as its rate limit does) and a {@link PlayStatistics} computed from the
 * events on each query. One badge ("listener": three plays); a challenge's score is the votes its
 * player's entries received; the global board adds the challenge scores.
 */
public final class FakePlay implements EventLog, PlayStatistics, PlayRoutes.Services {

    public static final String LISTENER = "segue.badge.listener/1";
    public static final int LISTENER_PLAYS = 3;

    private final List<UserEvent> events = new ArrayList<>();
    private final List<ChallengeDescriptor> challenges;
    /** The reason given for every event while set, else null. */
    public volatile String refuseAll;
    /** False: the engine is not installed, both services are absent. */
    public volatile boolean present = true;

    public FakePlay(List<ChallengeDescriptor> challenges) {
        this.challenges = List.copyOf(challenges);
    }

    @Override
    public EventLog events() {
        return present ? this : null;
    }

    @Override
    public PlayStatistics statistics() {
        return present ? this : null;
    }

    @Override
    public synchronized RecordResult record(UserEvent e) {
        String id = "e" + (events.size() + 1);
        String refused = refuseAll;
        Map<String, String> a = e.attributes();
        if (e.type().equals(UserEventTypes.VOTE_CAST)) {
            if (e.userId().equals(a.get(UserEventTypes.AUTHOR))) {
                refused = "no votes for one's own mix";
            }
            for (UserEvent v : history(e.userId())) {
                if (v.type().equals(UserEventTypes.VOTE_CAST) && v.attributes().get(UserEventTypes.MIX).equals(a.get(UserEventTypes.MIX))) {
                    refused = "voted already";
                }
            }
        }
        if (e.type().equals(UserEventTypes.LEADERBOARD_JOINED)) {
            String name = a.get(UserEventTypes.PSEUDONYM).toLowerCase(Locale.ROOT);
            for (String user : users()) {
                String theirs = Entries.pseudonym(history(user));
                if (!user.equals(e.userId()) && theirs != null && theirs.toLowerCase(Locale.ROOT).equals(name)) {
                    refused = "the pseudonym " + a.get(UserEventTypes.PSEUDONYM) + " is taken";
                }
            }
        }
        if (refused != null) {
            return new RecordResult(id, RecordResult.Status.REJECTED, refused);
        }
        events.add(e);
        return new RecordResult(id, RecordResult.Status.RECORDED, "");
    }

    @Override
    public synchronized List<RecordResult> recordAll(List<UserEvent> batch) {
        return batch.stream().map(this::record).toList();
    }

    @Override
    public synchronized List<UserEvent> history(String userId) {
        return events.stream().filter(e -> e.userId().equals(userId)).toList();
    }

    /** Every event recorded, in order. */
    public synchronized List<UserEvent> all() {
        return List.copyOf(events);
    }

    private synchronized Set<String> users() {
        Set<String> out = new LinkedHashSet<>();
        events.forEach(e -> out.add(e.userId()));
        return out;
    }

    /** Entries from the recorded events, as the engine keeps them: a mix's first entry, votes by mix. */
    @Override
    public synchronized List<ChallengeEntry> entries(String challengeId) {
        Map<String, ChallengeEntry> byMix = new java.util.LinkedHashMap<>();
        Map<String, Set<String>> voters = new java.util.HashMap<>();
        for (UserEvent e : events) {
            Map<String, String> a = e.attributes();
            String mix = a.get(UserEventTypes.MIX);
            if (!challengeId.equals(a.get(UserEventTypes.CHALLENGE)) || mix == null) {
                continue;
            }
            if (e.type().equals(UserEventTypes.CHALLENGE_ENTERED) && !byMix.containsKey(mix)) {
                byMix.put(mix, new ChallengeEntry(mix, e.userId(), Entries.pseudonym(history(e.userId())), e.time(),
                        Double.parseDouble(a.getOrDefault(UserEventTypes.DURATION, "0")),
                        Integer.parseInt(a.getOrDefault(UserEventTypes.TRACK_COUNT, "0")), Set.of()));
            } else if (e.type().equals(UserEventTypes.VOTE_CAST)) {
                voters.computeIfAbsent(mix, k -> new LinkedHashSet<>()).add(e.userId());
            }
        }
        return byMix.values().stream().map(x -> new ChallengeEntry(x.mixId(), x.author(), x.pseudonym(), x.enteredAt(),
                x.durationSeconds(), x.trackCount(), voters.getOrDefault(x.mixId(), Set.of()))).toList();
    }

    @Override
    public synchronized List<BadgeStanding> badges(String userId) {
        List<UserEvent> plays = history(userId).stream().filter(e -> e.type().equals(UserEventTypes.TRACK_PLAYED)).toList();
        int n = plays.size();
        Instant earned = n >= LISTENER_PLAYS ? plays.get(LISTENER_PLAYS - 1).time() : null;
        return List.of(new BadgeStanding(new BadgeDescriptor(LISTENER, "Listener", "Play three tracks"),
                new BadgeProgress(LISTENER, userId, Math.min(1, n / (double) LISTENER_PLAYS), n, earned)));
    }

    private synchronized double score(String userId, String challenge) {
        return events.stream().filter(e -> e.type().equals(UserEventTypes.VOTE_CAST)
                && userId.equals(e.attributes().get(UserEventTypes.AUTHOR))
                && (challenge == null || challenge.equals(e.attributes().get(UserEventTypes.CHALLENGE)))).count();
    }

    @Override
    public synchronized List<ChallengeStanding> challenges(String userId) {
        List<ChallengeStanding> out = new ArrayList<>();
        for (ChallengeDescriptor d : challenges) {
            long players = users().stream().filter(u -> history(u).stream()
                    .anyMatch(e -> d.id().equals(e.attributes().get(UserEventTypes.CHALLENGE)))).count();
            int rank = 0;
            LeaderboardPage board = leaderboard(d.id(), 0, 500);
            String mine = Entries.pseudonym(history(userId));
            for (LeaderboardEntry row : board.entries()) {
                if (row.pseudonym().equals(mine)) {
                    rank = row.rank();
                }
            }
            out.add(new ChallengeStanding(d, new ChallengeProgress(d.id(), userId, score(userId, d.id()), false),
                    (int) players, rank));
        }
        return out;
    }

    @Override
    public synchronized LeaderboardPage leaderboard(String board, int offset, int limit) {
        if (!GLOBAL_BOARD.equals(board) && challenges.stream().noneMatch(d -> d.id().equals(board))) {
            throw new IllegalArgumentException("no board " + board);
        }
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String u : users()) {
            String name = Entries.pseudonym(history(u));
            if (name != null) {
                scores.put(name, score(u, GLOBAL_BOARD.equals(board) ? null : board));
            }
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(scores.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        List<LeaderboardEntry> rows = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || !sorted.get(i).getValue().equals(sorted.get(i - 1).getValue())) {
                rank = i + 1;
            }
            if (i >= offset && rows.size() < limit) {
                rows.add(new LeaderboardEntry(rank, sorted.get(i).getKey(), sorted.get(i).getValue()));
            }
        }
        return new LeaderboardPage(board, sorted.size(), offset, rows);
    }

    @Override
    public synchronized UserAnalytics userAnalytics(String userId, int topTracks) {
        Map<String, Long> plays = new HashMap<>();
        int mixes = 0;
        int kept = 0;
        int skipped = 0;
        List<Double> curve = List.of();
        for (UserEvent e : history(userId)) {
            switch (e.type()) {
                case UserEventTypes.TRACK_PLAYED -> plays.merge(e.attributes().get(UserEventTypes.TRACK), 1L, Long::sum);
                case UserEventTypes.TRANSITION_RATED -> {
                    if (Double.parseDouble(e.attributes().get(UserEventTypes.RATING)) >= 0.5) {
                        kept++;
                    } else {
                        skipped++;
                    }
                }
                case UserEventTypes.MIX_CREATED -> {
                    mixes++;
                    curve = java.util.Arrays.stream(e.attributes().get(UserEventTypes.ENERGIES).split(","))
                            .map(Double::valueOf).toList();
                }
                default -> {
                }
            }
        }
        List<Count> top = plays.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(topTracks).map(x -> new Count(x.getKey(), x.getValue())).toList();
        return new UserAnalytics(userId, mixes, kept, skipped, top, curve, curve.isEmpty() ? 0 : 1,
                List.of(new MonthStats("2026-10", Double.NaN, List.of()), new MonthStats("2026-11", 124, List.of(new Count("8A", 2)))));
    }

    @Override
    public List<PluginAnalytics> pluginAnalytics() {
        return List.of(new PluginAnalytics("org.segue.plugin.analyzer.rhythm", 12, 1, "java.lang.IllegalStateException: x",
                40, 64, List.of(0L, 0L, 1L, 3L, 4L, 2L, 1L, 1L)));
    }
}
