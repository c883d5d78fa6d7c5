package org.segue.plugin.play.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.segue.api.play.Badge;
import org.segue.api.play.Challenge;
import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.PlayStatistics;

/**
 * {@link PlayStatistics} answered from the store, each call in one read transaction (a consistent
 * snapshot), with the badges and challenges installed at the time of the call, in id order.
 */
final class Queries implements PlayStatistics {

    static final int MAX_PAGE = 500;

    private final PlayEngine engine;

    Queries(PlayEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<BadgeStanding> badges(String userId) {
        Objects.requireNonNull(userId, "userId");
        return engine.query(r -> {
            List<BadgeStanding> out = new ArrayList<>();
            for (Badge b : r.badges().values()) {
                out.add(new BadgeStanding(b.descriptor(), r.standings().badge(b.descriptor().id(), userId)));
            }
            return out;
        });
    }

    @Override
    public List<ChallengeStanding> challenges(String userId) {
        Objects.requireNonNull(userId, "userId");
        return engine.query(r -> {
            List<ChallengeStanding> out = new ArrayList<>();
            for (Challenge c : r.challenges().values()) {
                ChallengeDescriptor d = c.descriptor();
                out.add(new ChallengeStanding(d, r.standings().challenge(d.id(), userId), r.standings().players(d.id()),
                        r.standings().rank(d.id(), userId)));
            }
            return out;
        });
    }

    @Override
    public LeaderboardPage leaderboard(String board, int offset, int limit) {
        Objects.requireNonNull(board, "board");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_PAGE + ": " + limit);
        }
        return engine.query(r -> {
            if (!board.equals(GLOBAL_BOARD) && !r.challenges().containsKey(board)) {
                throw new IllegalArgumentException("no challenge " + board + " is installed, and it is not " + GLOBAL_BOARD);
            }
            return new LeaderboardPage(board, r.standings().boardSize(board), offset, r.standings().page(board, offset, limit));
        });
    }

    @Override
    public List<ChallengeEntry> entries(String challengeId) {
        Objects.requireNonNull(challengeId, "challengeId");
        return engine.query(r -> r.standings().entries(challengeId));
    }

    @Override
    public UserAnalytics userAnalytics(String userId, int topTracks) {
        Objects.requireNonNull(userId, "userId");
        return engine.query(r -> r.analytics().user(userId, topTracks));
    }

    @Override
    public List<PluginAnalytics> pluginAnalytics() {
        return engine.query(r -> r.analytics().plugins());
    }
}
