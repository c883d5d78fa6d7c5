package org.segue.plugin.play.engine.internal;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.Challenge;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * Applies a stored event to everything derived from the log, inside the transaction that stored
 * it: pseudonyms, votes, every tracked badge and challenge (on the stored progress), the global
 * scores and the analytics. Applying the same log in the same order always gives the same tables,
 * which is what makes a late badge's catch-up, an import or a second process agree with live
 * recording.
 */
final class EventApplier {

    private final Standings standings;
    private final Analytics analytics;

    EventApplier(Standings standings, Analytics analytics) {
        this.standings = standings;
        this.analytics = analytics;
    }

    /**
     * The events one stored event means: itself and, for a vote, the vote as its author receives it
     * (derived the same way live and on replay, so it needs no row of its own).
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

    /** Applies one newly stored event to everything. */
    void apply(long seq, UserEvent e, Iterable<Badge> badges, Iterable<Challenge> challenges) throws SQLException {
        privacy(e);
        if (e.type().equals(UserEventTypes.VOTE_CAST)) {
            Map<String, String> a = e.attributes();
            String challenge = a.get(UserEventTypes.CHALLENGE);
            String mix = a.get(UserEventTypes.MIX);
            if (challenge != null && mix != null) {
                standings.vote(e.userId(), challenge, mix);
            }
        } else if (e.type().equals(UserEventTypes.CHALLENGE_ENTERED)) {
            Map<String, String> a = e.attributes();
            String challenge = a.get(UserEventTypes.CHALLENGE);
            String mix = a.get(UserEventTypes.MIX);
            if (challenge != null && mix != null) {
                standings.enter(seq, e.userId(), challenge, mix, number(a.get(UserEventTypes.DURATION)),
                        (int) number(a.get(UserEventTypes.TRACK_COUNT)));
            }
        }
        if (forPlay(e)) {
            for (UserEvent each : expand(e)) {
                if (badges.iterator().hasNext()) {
                    Map<String, BadgeProgress> stored = standings.badges(each.userId());
                    for (Badge b : badges) {
                        String id = b.descriptor().id();
                        BadgeProgress current = stored.getOrDefault(id, BadgeProgress.initial(id, each.userId()));
                        BadgeProgress next = applyBadge(seq, b, each, current);
                        if (next != null) {
                            standings.putBadge(next);
                        }
                    }
                }
                if (challenges.iterator().hasNext()) {
                    Map<String, ChallengeProgress> stored = standings.challenges(each.userId());
                    for (Challenge c : challenges) {
                        String id = c.descriptor().id();
                        ChallengeProgress current = stored.getOrDefault(id, ChallengeProgress.initial(id, each.userId()));
                        ChallengeProgress next = applyChallenge(seq, c, each, current);
                        if (next != null) {
                            standings.putChallenge(next, next.score() == current.score() ? -1 : seq);
                        }
                    }
                }
            }
        }
        analytics.apply(e);
    }

    /**
     * A catch-up of one badge or challenge (the other null): events are replayed for it alone, in
     * log order, with its progress held in memory and written once at the end, so a long log costs
     * one read per user rather than one per event.
     */
    final class Replay {
        private final Badge badge;
        private final Challenge challenge;
        private final String id;
        private final Map<String, BadgeProgress> badges = new HashMap<>();
        private final Map<String, ChallengeProgress> challenges = new HashMap<>();
        /** Per user whose challenge score changed: the seq of the last change. */
        private final Map<String, Long> reached = new HashMap<>();
        private final Set<String> changed = new HashSet<>();

        Replay(Badge badge, Challenge challenge) {
            this.badge = badge;
            this.challenge = challenge;
            this.id = badge != null ? badge.descriptor().id() : challenge.descriptor().id();
        }

        void replay(long seq, UserEvent e) throws SQLException {
            if (!forPlay(e)) {
                return;
            }
            for (UserEvent each : expand(e)) {
                String user = each.userId();
                if (badge != null) {
                    BadgeProgress current = badges.get(user);
                    if (current == null) {
                        current = standings.badge(id, user);
                        badges.put(user, current);
                    }
                    BadgeProgress next = applyBadge(seq, badge, each, current);
                    if (next != null) {
                        badges.put(user, next);
                        changed.add(user);
                    }
                } else {
                    ChallengeProgress current = challenges.get(user);
                    if (current == null) {
                        current = standings.challenge(id, user);
                        challenges.put(user, current);
                    }
                    ChallengeProgress next = applyChallenge(seq, challenge, each, current);
                    if (next != null) {
                        challenges.put(user, next);
                        changed.add(user);
                        if (next.score() != current.score()) {
                            reached.put(user, seq);
                        }
                    }
                }
            }
        }

        /** Writes the progress that changed. */
        void finish() throws SQLException {
            for (String user : changed) {
                if (badge != null) {
                    standings.putBadge(badges.get(user));
                } else {
                    standings.putChallenge(challenges.get(user), reached.getOrDefault(user, -1L));
                }
            }
        }
    }

    /** Work done for no particular person earns nobody badges. */
    private static boolean forPlay(UserEvent e) {
        return !e.userId().equals(UserEventTypes.HOST_USER);
    }

    /** The badge's new progress after the event, or null when nothing changed; global points added here. */
    private BadgeProgress applyBadge(long seq, Badge badge, UserEvent e, BadgeProgress current) throws SQLException {
        String id = badge.descriptor().id();
        if (current.earned()) {
            return null;
        }
        BadgeProgress next;
        try {
            next = badge.update(current, e);
            if (next == null || !next.badgeId().equals(id) || !next.userId().equals(e.userId())) {
                throw new IllegalStateException("returned progress of another badge or user, or null: " + next);
            }
        } catch (RuntimeException ex) {
            failed(id, ex);
            return null;
        }
        if (next.equals(current)) {
            return null;
        }
        if (next.earned()) {
            standings.addPoints(e.userId(), Standings.BADGE_POINTS, seq);
        }
        return next;
    }

    /** The challenge's new progress after the event, or null when nothing changed; global points added here. */
    private ChallengeProgress applyChallenge(long seq, Challenge challenge, UserEvent e, ChallengeProgress current)
            throws SQLException {
        String id = challenge.descriptor().id();
        if (!challenge.descriptor().isOpenAt(e.time())) {
            return null;
        }
        ChallengeProgress next;
        try {
            next = challenge.update(current, e);
            if (next == null || !next.challengeId().equals(id) || !next.userId().equals(e.userId())) {
                throw new IllegalStateException("returned progress of another challenge or user, or null: " + next);
            }
        } catch (RuntimeException ex) {
            failed(id, ex);
            return null;
        }
        if (next.equals(current)) {
            return null;
        }
        if (next.completed() != current.completed()) {
            standings.addPoints(e.userId(), next.completed() ? Standings.CHALLENGE_POINTS : -Standings.CHALLENGE_POINTS, seq);
        }
        return next;
    }

    /** A badge or challenge threw: counted as that plugin's failure, its message kept for segue stats. */
    private void failed(String id, RuntimeException e) throws SQLException {
        analytics.pluginUsed(id, Double.NaN, false, e.toString());
    }

    /** Opt-in and out: only users who joined are on any board, under their pseudonym. */
    private void privacy(UserEvent e) throws SQLException {
        if (e.type().equals(UserEventTypes.LEADERBOARD_JOINED)) {
            String name = e.attributes().get(UserEventTypes.PSEUDONYM);
            if (name == null || name.isBlank()) {
                return;
            }
            String owner = standings.pseudonymOwner(name);
            if (owner != null && !owner.equals(e.userId())) {
                return; // first come, first served, in log order
            }
            standings.join(e.userId(), name);
        } else if (e.type().equals(UserEventTypes.LEADERBOARD_LEFT)) {
            standings.leave(e.userId());
        }
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String key) {
        String v = from.get(key);
        if (v != null) {
            to.put(key, v);
        }
    }

    /** A decimal attribute, 0 when absent or malformed (producers outside the kernel may omit it). */
    private static double number(String text) {
        try {
            return text == null ? 0 : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
