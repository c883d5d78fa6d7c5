package org.segue.plugin.server.http.internal.play;

import java.util.List;

import org.segue.api.play.PlayStatistics.BadgeStanding;
import org.segue.api.play.PlayStatistics.ChallengeStanding;
import org.segue.api.play.PlayStatistics.Count;
import org.segue.api.play.PlayStatistics.PluginAnalytics;
import org.segue.api.play.PlayStatistics.UserAnalytics;

/** The play bodies of the REST API ({@code Badge}, {@code Challenge}, {@code Entry} …), see {@code API.md}. */
final class PlayDtos {

    private PlayDtos() {
    }

    /** {@code Badge}: one installed badge and the caller's progress. */
    record BadgeDto(String id, String name, String description, double fraction, long count, String earnedAt) {
        static BadgeDto of(BadgeStanding s) {
            return new BadgeDto(s.badge().id(), s.badge().name(), s.badge().description(), s.progress().fraction(),
                    s.progress().count(), s.progress().earnedAt() == null ? null : s.progress().earnedAt().toString());
        }
    }

    /**
     * {@code Challenge}: one installed challenge and the caller's standing.
     *
     * @param path the id as written in paths ({@code /} as {@code ~})
     * @param takesEntries whether mixes are entered into it (a vote); the others score what users do
     * @param entries the ids of the caller's mixes entered into it
     */
    record ChallengeDto(String id, String path, String name, String description, String start, String end,
            boolean open, boolean takesEntries, double score, boolean completed, int players, int rank, boolean joined,
            List<String> entries) {
        static ChallengeDto of(ChallengeStanding s, boolean open, boolean joined, List<String> entries) {
            var d = s.challenge();
            return new ChallengeDto(d.id(), ChallengePaths.path(d.id()), d.name(), d.description(), d.start().toString(),
                    d.end().toString(), open, d.takesEntries(), s.progress().score(), s.progress().completed(), s.players(), s.rank(), joined,
                    List.copyOf(entries));
        }
    }

    /**
     * {@code Entry}: a mix entered into a challenge, as other users see it: by the author's
     * pseudonym when they joined the leaderboards, else anonymous ({@code null}); never the user name.
     */
    record EntryDto(String mixId, String pseudonym, boolean mine, boolean voted, int votes, String enteredAt,
            double durationSeconds, int trackCount) {
    }

    /** A page of a list, as every paged answer of the API. */
    record Page<T>(int total, int offset, List<T> items) {
    }

    /** {@code GET /api/leaderboards/{board}}. */
    record LeaderboardDto(String board, int total, int offset, List<Row> items) {
    }

    record Row(int rank, String pseudonym, double score) {
    }

    /** Whether the caller is on the leaderboards, and as whom. */
    record Membership(boolean joined, String pseudonym) {
    }

    /** {@code UserAnalytics}, with numbers that do not exist (a month without tempi) as null rather than NaN. */
    record UserAnalyticsDto(String userId, int mixes, int transitionsKept, int transitionsSkipped, List<Count> mostPlayed,
            List<Double> energyCurve, int energySets, List<MonthDto> months) {
        static UserAnalyticsDto of(UserAnalytics a) {
            return new UserAnalyticsDto(a.userId(), a.mixes(), a.transitionsKept(), a.transitionsSkipped(), a.mostPlayed(),
                    a.energyCurve(), a.energySets(), a.months().stream()
                            .map(m -> new MonthDto(m.month(), finite(m.meanBpm()), m.keys())).toList());
        }
    }

    record MonthDto(String month, Double meanBpm, List<Count> keys) {
    }

    /** {@code PluginAnalytics}, NaN as null. */
    record PluginAnalyticsDto(String plugin, long uses, long failures, String lastFailure, Double meanMillis,
            Double p95Millis, List<Long> latencyBuckets) {
        static PluginAnalyticsDto of(PluginAnalytics p) {
            return new PluginAnalyticsDto(p.plugin(), p.uses(), p.failures(), p.lastFailure(), finite(p.meanMillis()),
                    finite(p.p95Millis()), p.latencyBuckets());
        }
    }

    /** Jackson would write NaN as the string "NaN", which no client expects where a number is due. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    record PseudonymRequest(String pseudonym) {
    }

    record MixRequest(String mixId) {
    }
}
