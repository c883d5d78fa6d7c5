package org.segue.plugin.play.engine.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.segue.api.play.BadgeProgress;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.PlayStatistics.LeaderboardEntry;

/**
 * Badge and challenge progress, the global scores, pseudonyms, votes and which badges and
 * challenges the progress covers ({@code included}): reads and writes of those tables, and the
 * leaderboard pages. Global points: {@value #BADGE_POINTS} per badge earned, {@value #CHALLENGE_POINTS}
 * per challenge completed.
 */
final class Standings {

    static final double BADGE_POINTS = 10;
    static final double CHALLENGE_POINTS = 25;
    static final String BADGE = "badge";
    static final String CHALLENGE = "challenge";

    private final PlayDatabase db;

    Standings(PlayDatabase db) {
        this.db = db;
    }

    BadgeProgress badge(String badgeId, String userId) throws SQLException {
        return db.queryOne("SELECT badge_id, fraction, count, earned_seconds, earned_nanos, state FROM badge_progress"
                + " WHERE user_id = ? AND badge_id = ?", rs -> badge(rs, userId), BadgeProgress.initial(badgeId, userId),
                userId, badgeId);
    }

    /** All of a user's stored badge progress, by badge id: one range of the primary key. */
    Map<String, BadgeProgress> badges(String userId) throws SQLException {
        Map<String, BadgeProgress> out = new HashMap<>();
        for (BadgeProgress p : db.query("SELECT badge_id, fraction, count, earned_seconds, earned_nanos, state"
                + " FROM badge_progress WHERE user_id = ?", rs -> badge(rs, userId), userId)) {
            out.put(p.badgeId(), p);
        }
        return out;
    }

    private static BadgeProgress badge(java.sql.ResultSet rs, String userId) throws SQLException {
        long seconds = rs.getLong(4);
        Instant earned = rs.wasNull() ? null : Instant.ofEpochSecond(seconds, rs.getInt(5));
        return new BadgeProgress(rs.getString(1), userId, rs.getDouble(2), rs.getLong(3), earned, EventTable.map(rs.getString(6)));
    }

    void putBadge(BadgeProgress p) throws SQLException {
        db.update("INSERT INTO badge_progress(badge_id, user_id, fraction, count, earned_seconds, earned_nanos, state)"
                + " VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(user_id, badge_id) DO UPDATE SET fraction = excluded.fraction,"
                + " count = excluded.count, earned_seconds = excluded.earned_seconds, earned_nanos = excluded.earned_nanos,"
                + " state = excluded.state", p.badgeId(), p.userId(), p.fraction(), p.count(),
                p.earnedAt() == null ? null : p.earnedAt().getEpochSecond(),
                p.earnedAt() == null ? null : p.earnedAt().getNano(), EventTable.json(p.state()));
    }

    ChallengeProgress challenge(String challengeId, String userId) throws SQLException {
        return db.queryOne("SELECT challenge_id, score, completed, state FROM challenge_progress"
                + " WHERE user_id = ? AND challenge_id = ?", rs -> challenge(rs, userId),
                ChallengeProgress.initial(challengeId, userId), userId, challengeId);
    }

    /** All of a user's stored challenge progress, by challenge id. */
    Map<String, ChallengeProgress> challenges(String userId) throws SQLException {
        Map<String, ChallengeProgress> out = new HashMap<>();
        for (ChallengeProgress p : db.query("SELECT challenge_id, score, completed, state FROM challenge_progress"
                + " WHERE user_id = ?", rs -> challenge(rs, userId), userId)) {
            out.put(p.challengeId(), p);
        }
        return out;
    }

    private static ChallengeProgress challenge(java.sql.ResultSet rs, String userId) throws SQLException {
        return new ChallengeProgress(rs.getString(1), userId, rs.getDouble(2), rs.getInt(3) != 0, EventTable.map(rs.getString(4)));
    }

    /**
     * Stores progress, with the seq of the event at which the score was reached; {@code -1} when the
     * score did not change, to keep the stored one (who got there first).
     */
    void putChallenge(ChallengeProgress p, long reachedSeq) throws SQLException {
        db.update("INSERT INTO challenge_progress(challenge_id, user_id, score, completed, state, reached_seq, joined)"
                + " VALUES(?, ?, ?, ?, ?, ?, EXISTS(SELECT 1 FROM pseudonyms WHERE user_id = ?2))"
                + " ON CONFLICT(user_id, challenge_id) DO UPDATE SET"
                + " reached_seq = CASE WHEN excluded.reached_seq < 0 THEN reached_seq ELSE excluded.reached_seq END,"
                + " score = excluded.score, completed = excluded.completed, state = excluded.state",
                p.challengeId(), p.userId(), p.score(), p.completed() ? 1 : 0, EventTable.json(p.state()), reachedSeq);
    }

    /** How many users have progress in a challenge. */
    int players(String challengeId) throws SQLException {
        return (int) db.queryLong("SELECT COUNT(*) FROM challenge_progress WHERE challenge_id = ?", 0, challengeId);
    }

    void addPoints(String userId, double points, long seq) throws SQLException {
        db.update("INSERT INTO global_scores(user_id, score, reached_seq, joined)"
                + " VALUES(?, ?, ?, EXISTS(SELECT 1 FROM pseudonyms WHERE user_id = ?1))"
                + " ON CONFLICT(user_id) DO UPDATE SET score = score + excluded.score, reached_seq = excluded.reached_seq",
                userId, points, seq);
    }

    /**
     * Forgets a badge's or challenge's progress (and the global points it gave) before replaying
     * the whole log for it: only when {@code included} does not cover it at all.
     */
    void reset(String kind, String id, long seq) throws SQLException {
        boolean badge = kind.equals(BADGE);
        List<String> scored = badge
                ? db.query("SELECT user_id FROM badge_progress WHERE badge_id = ? AND earned_seconds IS NOT NULL", rs -> rs.getString(1), id)
                : db.query("SELECT user_id FROM challenge_progress WHERE challenge_id = ? AND completed = 1", rs -> rs.getString(1), id);
        for (String user : scored) {
            addPoints(user, badge ? -BADGE_POINTS : -CHALLENGE_POINTS, seq);
        }
        db.update(badge ? "DELETE FROM badge_progress WHERE badge_id = ?" : "DELETE FROM challenge_progress WHERE challenge_id = ?", id);
    }

    /** Each badge's and challenge's {@code through_seq}: the last event its stored progress includes. */
    Map<String, Long> included() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (Object[] r : db.query("SELECT plugin_id, through_seq FROM included", rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            out.put((String) r[0], (Long) r[1]);
        }
        return out;
    }

    /** Moves every listed badge's and challenge's {@code through_seq} on, in one statement; each has its row already. */
    void includeAll(List<String> ids, long throughSeq) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Object[] args = new Object[ids.size() + 1];
        args[0] = throughSeq;
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = ids.get(i);
        }
        db.update("UPDATE included SET through_seq = ? WHERE plugin_id IN (" + "?, ".repeat(ids.size() - 1) + "?)", args);
    }

    void include(String id, String kind, long throughSeq) throws SQLException {
        db.update("INSERT INTO included(plugin_id, kind, through_seq) VALUES(?, ?, ?)"
                + " ON CONFLICT(plugin_id) DO UPDATE SET through_seq = excluded.through_seq", id, kind, throughSeq);
    }

    String pseudonym(String userId) throws SQLException {
        return db.queryOne("SELECT name FROM pseudonyms WHERE user_id = ?", rs -> rs.getString(1), null, userId);
    }

    /** The user who holds a pseudonym, whatever its case, or null. */
    String pseudonymOwner(String name) throws SQLException {
        return db.queryOne("SELECT user_id FROM pseudonyms WHERE name_key = ?", rs -> rs.getString(1), null, key(name));
    }

    void join(String userId, String name) throws SQLException {
        db.update("DELETE FROM pseudonyms WHERE user_id = ?", userId);
        db.update("INSERT INTO pseudonyms(user_id, name, name_key) VALUES(?, ?, ?)", userId, name, key(name));
        onBoards(userId, true);
    }

    void leave(String userId) throws SQLException {
        db.update("DELETE FROM pseudonyms WHERE user_id = ?", userId);
        onBoards(userId, false);
    }

    private void onBoards(String userId, boolean joined) throws SQLException {
        db.update("UPDATE global_scores SET joined = ? WHERE user_id = ?", joined ? 1 : 0, userId);
        db.update("UPDATE challenge_progress SET joined = ? WHERE user_id = ?", joined ? 1 : 0, userId);
    }

    boolean voted(String voter, String challenge, String mix) throws SQLException {
        return db.queryLong("SELECT 1 FROM votes WHERE voter = ? AND challenge = ? AND mix = ?", 0, voter, challenge, mix) == 1;
    }

    /** Keeps an entry; a mix entered again keeps its first entry. */
    void enter(long seq, String author, String challenge, String mix, double duration, int trackCount) throws SQLException {
        db.update("INSERT INTO challenge_entries(challenge, mix, author, entered_seq, duration, track_count)"
                + " VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", challenge, mix, author, seq, duration, trackCount);
    }

    /** A challenge's entries, first entered first, with their authors' pseudonyms and voters. */
    List<PlayStatistics.ChallengeEntry> entries(String challenge) throws SQLException {
        Map<String, Set<String>> voters = new HashMap<>();
        db.query("SELECT mix, voter FROM votes WHERE challenge = ?", rs -> {
            voters.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            return null;
        }, challenge);
        return db.query("SELECT e.mix, e.author, (SELECT name FROM pseudonyms p WHERE p.user_id = e.author),"
                + " v.time_seconds, v.time_nanos, e.duration, e.track_count FROM challenge_entries e"
                + " JOIN events v ON v.seq = e.entered_seq WHERE e.challenge = ? ORDER BY e.entered_seq",
                rs -> new PlayStatistics.ChallengeEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochSecond(rs.getLong(4), rs.getLong(5)), rs.getDouble(6), rs.getInt(7),
                        voters.getOrDefault(rs.getString(1), Set.of())), challenge);
    }

    void vote(String voter, String challenge, String mix) throws SQLException {
        db.update("INSERT INTO votes(voter, challenge, mix) VALUES(?, ?, ?) ON CONFLICT DO NOTHING", voter, challenge, mix);
    }

    /** The rows of a board: users who joined, with a score above zero (the terms of the partial board indexes). */
    private static String board(boolean global) {
        return global ? " FROM global_scores s WHERE s.joined = 1 AND s.score > 0"
                : " FROM challenge_progress s WHERE s.challenge_id = ? AND s.joined = 1 AND s.score > 0";
    }

    private long count(String board, String extra, Object... args) throws SQLException {
        boolean global = board.equals(PlayStatistics.GLOBAL_BOARD);
        Object[] all = new Object[args.length + (global ? 0 : 1)];
        if (!global) {
            all[0] = board;
        }
        System.arraycopy(args, 0, all, global ? 0 : 1, args.length);
        return db.queryLong("SELECT COUNT(*)" + board(global) + extra, 0, all);
    }

    int boardSize(String board) throws SQLException {
        return (int) count(board, "");
    }

    /**
     * One page: ties share a rank (1, 2, 2, 4); among equals, who reached the score first is first.
     * The page walks the board's index to {@code offset + limit}; the first row's rank is one more
     * than the users with a better score, and the others follow from their neighbours, so no
     * window over the whole board is needed.
     */
    List<LeaderboardEntry> page(String board, int offset, int limit) throws SQLException {
        boolean global = board.equals(PlayStatistics.GLOBAL_BOARD);
        // Names are looked up for the page's rows only, not for the rows the offset skips.
        String sql = "SELECT (SELECT name FROM pseudonyms n WHERE n.user_id = p.user_id), p.score FROM (SELECT s.user_id,"
                + " s.score" + board(global) + " ORDER BY s.score DESC, s.reached_seq, s.user_id LIMIT ? OFFSET ?) p";
        PlayDatabase.Row<Object[]> row = rs -> new Object[] {rs.getString(1), rs.getDouble(2)};
        List<Object[]> rows = global ? db.query(sql, row, limit, offset) : db.query(sql, row, board, limit, offset);
        List<LeaderboardEntry> out = new java.util.ArrayList<>(rows.size());
        int rank = 0;
        double previous = Double.NaN;
        for (int i = 0; i < rows.size(); i++) {
            double score = (Double) rows.get(i)[1];
            if (i == 0) {
                rank = (int) count(board, " AND s.score > ?", score) + 1;
            } else if (score != previous) {
                rank = offset + i + 1;
            }
            previous = score;
            out.add(new LeaderboardEntry(rank, (String) rows.get(i)[0], score));
        }
        return out;
    }

    /** The user's rank on a board, or 0 when not on it (not joined, or no score). */
    int rank(String board, String userId) throws SQLException {
        boolean global = board.equals(PlayStatistics.GLOBAL_BOARD);
        double score = global
                ? db.queryOne("SELECT score FROM global_scores WHERE user_id = ? AND joined = 1", rs -> rs.getDouble(1), 0.0, userId)
                : db.queryOne("SELECT score FROM challenge_progress WHERE user_id = ? AND challenge_id = ? AND joined = 1",
                        rs -> rs.getDouble(1), 0.0, userId, board);
        return score <= 0 ? 0 : (int) count(board, " AND s.score > ?", score) + 1;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
