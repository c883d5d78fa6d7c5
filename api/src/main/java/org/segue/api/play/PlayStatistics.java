package org.segue.api.play;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the host knows from the event stream, for pictures and pages: each user's badges,
 * challenge standings and listening and mixing analytics, the leaderboards, and every plugin's
 * usage, failures and latency. The host keeps all of it up to date event by event, so a query
 * reads aggregates and never rescans the log.
 *
 * <p>Privacy: leaderboards show only users who joined them ({@link UserEventTypes#LEADERBOARD_JOINED}),
 * by pseudonym; the per-user queries answer for the user named, and a caller serving several users
 * (the server) must pass the authenticated caller's id.
 *
 * <p>Threads: any; answers are snapshots that later events do not change.
 *
 * @since 1.2
 */
@ProviderType
public interface PlayStatistics {

    /** The id of the leaderboard over all badges and challenges. */
    String GLOBAL_BOARD = "global";

    /** One installed badge and the user's progress towards it. */
    record BadgeStanding(BadgeDescriptor badge, BadgeProgress progress) {
        /** Validates. */
        public BadgeStanding {
            Objects.requireNonNull(badge, "badge");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /**
     * One installed challenge and the user's standing in it.
     *
     * @param players how many users have any progress in it
     * @param rank the user's rank on its board, from 1, or 0 when not on it (not playing, or not
     *        joined the leaderboards)
     */
    record ChallengeStanding(ChallengeDescriptor challenge, ChallengeProgress progress, int players, int rank) {
        /** Validates. */
        public ChallengeStanding {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /** One row of a leaderboard: ties share a rank. */
    record LeaderboardEntry(int rank, String pseudonym, double score) {
    }

    /**
     * One page of a leaderboard.
     *
     * @param board {@link #GLOBAL_BOARD} or a challenge's id
     * @param total the number of ranked users
     */
    record LeaderboardPage(String board, int total, int offset, List<LeaderboardEntry> entries) {
        /** Copies. */
        public LeaderboardPage {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One mix entered in a challenge ({@link UserEventTypes#CHALLENGE_ENTERED}), for voting.
     *
     * @param author the user who entered it: for the host's checks (no vote for one's own mix);
     *        pages show {@code pseudonym}, never this
     * @param pseudonym the author's leaderboard name, or {@code null} when they have not joined
     * @param voters the users who voted for it
     */
    record ChallengeEntry(String mixId, String author, String pseudonym, Instant enteredAt, double durationSeconds,
            int trackCount, Set<String> voters) {
        /** Validates and copies. */
        public ChallengeEntry {
            Objects.requireNonNull(mixId, "mixId");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(enteredAt, "enteredAt");
            voters = Set.copyOf(voters);
        }
    }

    /** A value and how often it occurred: a track played, a key used. */
    record Count(String value, long count) {
    }

    /** One calendar month (UTC, {@code yyyy-MM}) of a user's tempi and keys. */
    record MonthStats(String month, double meanBpm, List<Count> keys) {
        /** Copies. */
        public MonthStats {
            keys = List.copyOf(keys);
        }
    }

    /**
     * One user's listening and mixing numbers; all zero and empty for a user with no events.
     *
     * @param transitionsKept transitions rated 0.5 or better
     * @param mostPlayed track ids, most played first
     * @param energyCurve the mean energy (0..1) at equal parts of the user's sets, start to end;
     *        empty before the first set with energies
     * @param energySets how many sets the curve averages
     * @param months oldest first
     */
    record UserAnalytics(String userId, int mixes, int transitionsKept, int transitionsSkipped, List<Count> mostPlayed,
            List<Double> energyCurve, int energySets, List<MonthStats> months) {
        /** Copies. */
        public UserAnalytics {
            Objects.requireNonNull(userId, "userId");
            mostPlayed = List.copyOf(mostPlayed);
            energyCurve = List.copyOf(energyCurve);
            months = List.copyOf(months);
        }
    }

    /**
     * One plugin's use, from {@link UserEventTypes#PLUGIN_USED} events.
     *
     * @param plugin the bundle symbolic name
     * @param latencyBuckets counts of uses by latency: bucket {@code i} holds those taking less
     *        than {@code 2^i} ms and at least {@code 2^(i-1)} (bucket 0: under 1 ms)
     */
    record PluginAnalytics(String plugin, long uses, long failures, String lastFailure, double meanMillis,
            double p95Millis, List<Long> latencyBuckets) {
        /** Copies. */
        public PluginAnalytics {
            Objects.requireNonNull(plugin, "plugin");
            lastFailure = lastFailure == null ? "" : lastFailure;
            latencyBuckets = List.copyOf(latencyBuckets);
        }
    }

    /** [any] Every installed badge, in a stable order, with the user's progress. */
    List<BadgeStanding> badges(String userId);

    /** [any] Every installed challenge, in a stable order, with the user's standing. */
    List<ChallengeStanding> challenges(String userId);

    /**
     * [any] One page of a leaderboard.
     *
     * @param board {@link #GLOBAL_BOARD} or an installed challenge's id
     * @throws IllegalArgumentException for an unknown board, a negative offset or a limit outside
     *         1..500
     */
    LeaderboardPage leaderboard(String board, int offset, int limit);

    /**
     * [any] The mixes entered in a challenge, first entered first, each once (its first entry):
     * kept by the host as events are recorded, so this reads no user's history.
     */
    List<ChallengeEntry> entries(String challengeId);

    /** [any] The user's listening and mixing numbers, with at most {@code topTracks} most played. */
    UserAnalytics userAnalytics(String userId, int topTracks);

    /** [any] Every plugin that recorded use, most used first. */
    List<PluginAnalytics> pluginAnalytics();
}
