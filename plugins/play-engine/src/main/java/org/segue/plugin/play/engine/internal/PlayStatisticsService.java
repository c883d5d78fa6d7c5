package org.segue.plugin.play.engine.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.play.PlayStatistics;

/**
 * Publishes the engine's {@link Queries} as the api's {@link PlayStatistics}, registered apart from
 * the engine for the reason {@link EventLogService} gives.
 */
@Component(configurationPid = PlayEngine.PID, service = PlayStatistics.class)
public class PlayStatisticsService implements PlayStatistics {

    @Reference
    PlayEngine engine;

    @Override
    public List<BadgeStanding> badges(String userId) {
        return engine.statistics().badges(userId);
    }

    @Override
    public List<ChallengeStanding> challenges(String userId) {
        return engine.statistics().challenges(userId);
    }

    @Override
    public LeaderboardPage leaderboard(String board, int offset, int limit) {
        return engine.statistics().leaderboard(board, offset, limit);
    }

    @Override
    public List<ChallengeEntry> entries(String challengeId) {
        return engine.statistics().entries(challengeId);
    }

    @Override
    public UserAnalytics userAnalytics(String userId, int topTracks) {
        return engine.statistics().userAnalytics(userId, topTracks);
    }

    @Override
    public List<PluginAnalytics> pluginAnalytics() {
        return engine.statistics().pluginAnalytics();
    }
}
