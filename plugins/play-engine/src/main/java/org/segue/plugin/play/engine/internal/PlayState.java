package org.segue.plugin.play.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.Challenge;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * Everything the engine derives from the log, kept up to date one event at a time: the ids seen
 * (for idempotence), each user's log positions, badge and challenge progress, pseudonyms, votes,
 * leaderboards and analytics. Applying the same log in the same order always gives the same state,
 * which is what makes a restart, a second process or a late badge agree. Not thread-safe: the
 * engine holds its lock.
 */
final class PlayState {

    /** Global leaderboard points per earned badge and per completed challenge. */
    static final double BADGE_POINTS = 10;
    static final double CHALLENGE_POINTS = 25;
    static final String GLOBAL = "global";

    // Package-private for StateCodec, which writes and reads them as a snapshot.
    final Set<String> ids = new HashSet<>();
    final Map<String, List<Long>> offsets = new HashMap<>();
    final Map<String, Map<String, BadgeProgress>> badges = new HashMap<>();
    final Map<String, Map<String, ChallengeProgress>> challenges = new HashMap<>();
    final Map<String, String> pseudonyms = new HashMap<>();
    final Map<String, String> pseudonymOwners = new HashMap<>();
    final Set<String> votes = new HashSet<>();
    final Map<String, Double> globalPoints = new HashMap<>();
    final Map<String, Leaderboard> boards = new HashMap<>();
    final Analytics analytics = new Analytics();
    /** Told of a badge or challenge that threw: its id and the exception. */
    private final BiConsumer<String, RuntimeException> failures;
    long position;
    /** The last record {@link #apply applied}: where it starts and its id (a snapshot's check against the log). */
    long lastOffset = -1;
    String lastId = "";

    PlayState(BiConsumer<String, RuntimeException> failures) {
        this.failures = failures;
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    int size() {
        return ids.size();
    }

    List<Long> offsets(String userId) {
        return offsets.getOrDefault(userId, List.of());
    }

    Analytics analytics() {
        return analytics;
    }

    Map<String, String> pseudonyms() {
        return pseudonyms;
    }

    /** The user who holds a pseudonym (case-insensitive), or null. */
    String pseudonymOwner(String pseudonym) {
        return pseudonymOwners.get(pseudonym.toLowerCase(Locale.ROOT));
    }

    boolean voted(String voter, String challenge, String mix) {
        return votes.contains(voteKey(voter, challenge, mix));
    }

    BadgeProgress badge(String badgeId, String userId) {
        return badges.getOrDefault(badgeId, Map.of()).getOrDefault(userId, BadgeProgress.initial(badgeId, userId));
    }

    ChallengeProgress challenge(String challengeId, String userId) {
        return challenges.getOrDefault(challengeId, Map.of()).getOrDefault(userId,
                ChallengeProgress.initial(challengeId, userId));
    }

    Map<String, ChallengeProgress> challengeProgress(String challengeId) {
        return challenges.getOrDefault(challengeId, Map.of());
    }

    Leaderboard board(String id) {
        return boards.computeIfAbsent(id, k -> new Leaderboard());
    }

    /**
     * The events one stored event means: itself and, for a vote, the vote as its author receives it
     * (derived the same way live and on replay, so it needs no record of its own).
     */
    static List<UserEvent> expand(UserEvent e) {
        if (!e.type().equals(UserEventTypes.VOTE_CAST)) {
            return List.of(e);
        }
        Map<String, String> a = e.attributes();
        String author = a.get(UserEventTypes.AUTHOR);
        if (author == null || author.isBlank() || author.equals(e.userId())) {
            return List.of(e);
        }
        Map<String, String> received = new HashMap<>();
        received.put(UserEventTypes.VOTER, e.userId());
        copy(a, received, UserEventTypes.CHALLENGE);
        copy(a, received, UserEventTypes.MIX);
        return List.of(e, new UserEvent(author, UserEventTypes.VOTE_RECEIVED, e.time(), received));
    }

    /** Applies one newly read or written record to everything. */
    void apply(StoredEvent stored, Iterable<Badge> allBadges, Iterable<Challenge> allChallenges) {
        if (!ids.add(stored.id())) {
            return;
        }
        position = stored.offset();
        lastOffset = stored.offset();
        lastId = stored.id();
        UserEvent e = stored.event();
        offsets.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(stored.offset());
        privacy(e);
        if (e.type().equals(UserEventTypes.VOTE_CAST)) {
            votes.add(voteKey(e.userId(), e.attributes().get(UserEventTypes.CHALLENGE), e.attributes().get(UserEventTypes.MIX)));
        }
        for (UserEvent each : expand(e)) {
            for (Badge b : allBadges) {
                applyBadge(b, each);
            }
            for (Challenge c : allChallenges) {
                applyChallenge(c, each);
            }
        }
        analytics.apply(e);
    }

    /**
     * Replays one stored event for a single badge or challenge (the other {@code null}), as when
     * one is installed after the events happened.
     */
    void replay(StoredEvent stored, Badge badge, Challenge challenge) {
        position = stored.offset();
        for (UserEvent each : expand(stored.event())) {
            if (badge != null) {
                applyBadge(badge, each);
            }
            if (challenge != null) {
                applyChallenge(challenge, each);
            }
        }
    }

    /** Forgets a badge's progress, before replaying the log for it alone. */
    void resetBadge(String badgeId) {
        Map<String, BadgeProgress> old = badges.remove(badgeId);
        if (old != null) {
            old.values().stream().filter(BadgeProgress::earned).forEach(p -> addPoints(p.userId(), -BADGE_POINTS));
        }
    }

    /** Forgets a challenge's progress and board, before replaying the log for it alone. */
    void resetChallenge(String challengeId) {
        Map<String, ChallengeProgress> old = challenges.remove(challengeId);
        if (old != null) {
            old.values().stream().filter(ChallengeProgress::completed).forEach(p -> addPoints(p.userId(), -CHALLENGE_POINTS));
        }
        boards.remove(challengeId);
    }

    void applyBadge(Badge badge, UserEvent e) {
        String id = badge.descriptor().id();
        BadgeProgress current = badge(id, e.userId());
        if (current.earned()) {
            return;
        }
        BadgeProgress next;
        try {
            next = badge.update(current, e);
            if (next == null || !next.badgeId().equals(id) || !next.userId().equals(e.userId())) {
                throw new IllegalStateException("returned progress of another badge or user, or null: " + next);
            }
        } catch (RuntimeException ex) {
            failures.accept(id, ex);
            return;
        }
        if (next.equals(current)) {
            return;
        }
        badges.computeIfAbsent(id, k -> new HashMap<>()).put(e.userId(), next);
        if (next.earned()) {
            addPoints(e.userId(), BADGE_POINTS);
        }
    }

    void applyChallenge(Challenge challenge, UserEvent e) {
        String id = challenge.descriptor().id();
        if (!challenge.descriptor().isOpenAt(e.time())) {
            return;
        }
        ChallengeProgress current = challenge(id, e.userId());
        ChallengeProgress next;
        try {
            next = challenge.update(current, e);
            if (next == null || !next.challengeId().equals(id) || !next.userId().equals(e.userId())) {
                throw new IllegalStateException("returned progress of another challenge or user, or null: " + next);
            }
        } catch (RuntimeException ex) {
            failures.accept(id, ex);
            return;
        }
        if (next.equals(current)) {
            return;
        }
        challenges.computeIfAbsent(id, k -> new HashMap<>()).put(e.userId(), next);
        if (pseudonyms.containsKey(e.userId())) {
            board(id).put(e.userId(), next.score(), position);
        }
        if (next.completed() != current.completed()) {
            addPoints(e.userId(), next.completed() ? CHALLENGE_POINTS : -CHALLENGE_POINTS);
        }
    }

    private void addPoints(String userId, double points) {
        double total = globalPoints.merge(userId, points, Double::sum);
        if (pseudonyms.containsKey(userId)) {
            board(GLOBAL).put(userId, total, position);
        }
    }

    /** Opt-in and out: only users who joined are on any board, under their pseudonym. */
    private void privacy(UserEvent e) {
        if (e.type().equals(UserEventTypes.LEADERBOARD_JOINED)) {
            String name = e.attributes().get(UserEventTypes.PSEUDONYM);
            if (name == null || name.isBlank()) {
                return;
            }
            String owner = pseudonymOwner(name);
            if (owner != null && !owner.equals(e.userId())) {
                return; // first come, first served, in log order
            }
            leave(e.userId());
            pseudonyms.put(e.userId(), name);
            pseudonymOwners.put(name.toLowerCase(Locale.ROOT), e.userId());
            board(GLOBAL).put(e.userId(), globalPoints.getOrDefault(e.userId(), 0.0), position);
            challenges.forEach((id, byUser) -> {
                ChallengeProgress p = byUser.get(e.userId());
                if (p != null) {
                    board(id).put(e.userId(), p.score(), position);
                }
            });
        } else if (e.type().equals(UserEventTypes.LEADERBOARD_LEFT)) {
            leave(e.userId());
        }
    }

    private void leave(String userId) {
        String old = pseudonyms.remove(userId);
        if (old != null) {
            pseudonymOwners.remove(old.toLowerCase(Locale.ROOT));
        }
        boards.values().forEach(b -> b.remove(userId));
    }

    private static String voteKey(String voter, String challenge, String mix) {
        return voter + '\u0000' + challenge + '\u0000' + mix;
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String key) {
        String v = from.get(key);
        if (v != null) {
            to.put(key, v);
        }
    }
}
