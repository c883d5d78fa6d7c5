package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.Challenge;
import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.PlayStatistics.LeaderboardEntry;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Leaderboard pages from SQL against a ranking computed from scratch in Java. */
class LeaderboardTest {

    static final String BOARD = "test.challenge.score/1";

    @TempDir
    Path dir;

    /** The score is the event's "score" attribute: the test sets scores directly. */
    static Challenge scoring() {
        return new Challenge() {
            @Override
            public ChallengeDescriptor descriptor() {
                return new ChallengeDescriptor(BOARD, "score", "as told", Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-04-01T00:00:00Z"));
            }

            @Override
            public ChallengeProgress update(ChallengeProgress p, UserEvent e) {
                String s = e.attributes().get("score");
                if (s == null || Double.parseDouble(s) == p.score()) {
                    return p;
                }
                return new ChallengeProgress(p.challengeId(), p.userId(), Double.parseDouble(s), false);
            }
        };
    }

    @Test
    void pagesFollowTheRankingFromScratchTiesShareARankAndOnlyJoinedUsersShow() throws IOException {
        long seed = 20261126L;
        Random random = new Random(seed);
        PlayEngine engine = new PlayEngine();
        engine.addChallenge(scoring());
        engine.open(dir, Integer.MAX_VALUE, Integer.MAX_VALUE);
        Map<String, double[]> truth = new HashMap<>(); // user -> {score, seq when reached}
        Set<String> joined = new HashSet<>();
        List<UserEvent> batch = new ArrayList<>();
        List<UserEvent> all = new ArrayList<>();
        for (int step = 1; step <= 6000; step++) {
            String user = "user" + random.nextInt(300);
            Instant t = TestPlay.T0.plusMillis(step);
            int what = random.nextInt(40);
            if (what == 0) {
                batch.add(new UserEvent(user, UserEventTypes.LEADERBOARD_LEFT, t, Map.of()));
                joined.remove(user);
            } else if (what < 4) {
                batch.add(new UserEvent(user, UserEventTypes.LEADERBOARD_JOINED, t, Map.of(UserEventTypes.PSEUDONYM, "dj-" + user)));
                joined.add(user);
            } else {
                double score = random.nextInt(30);
                batch.add(new UserEvent(user, "test.scored", t, Map.of("score", Double.toString(score))));
                double[] old = truth.get(user);
                if (old == null ? score != 0 : old[0] != score) {
                    truth.put(user, new double[] {score, step});
                }
            }
            all.add(batch.get(batch.size() - 1));
            if (batch.size() == 500) {
                engine.recordAll(batch).forEach(r -> assertEquals(RecordResult.Status.RECORDED, r.status()));
                batch.clear();
            }
        }
        List<String> expected = new ArrayList<>(truth.keySet());
        expected.removeIf(u -> !joined.contains(u) || truth.get(u)[0] <= 0);
        expected.sort(Comparator.<String>comparingDouble(u -> -truth.get(u)[0]).thenComparingDouble(u -> truth.get(u)[1])
                .thenComparing(u -> u));
        List<LeaderboardEntry> actual = new ArrayList<>();
        for (int offset = 0; ; offset += 37) {
            PlayStatistics.LeaderboardPage page = engine.statistics().leaderboard(BOARD, offset, 37);
            assertEquals(expected.size(), page.total());
            if (page.entries().isEmpty()) {
                break;
            }
            actual.addAll(page.entries());
        }
        assertEquals(expected.stream().map(u -> "dj-" + u).toList(), actual.stream().map(LeaderboardEntry::pseudonym).toList(),
                "seed " + seed);
        for (int i = 0; i < expected.size(); i++) {
            double score = truth.get(expected.get(i))[0];
            long better = expected.stream().filter(u -> truth.get(u)[0] > score).count();
            assertEquals(better + 1, actual.get(i).rank(), "competition rank of " + expected.get(i));
            assertEquals(score, actual.get(i).score());
            assertEquals(better + 1, engine.statistics().challenges(expected.get(i)).get(0).rank());
        }
        assertEquals(0, engine.statistics().challenges("nobody").get(0).rank());
        assertThrows(IllegalArgumentException.class, () -> engine.statistics().leaderboard(BOARD, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> engine.statistics().leaderboard(BOARD, 0, 501));
        assertThrows(IllegalArgumentException.class, () -> engine.statistics().leaderboard("nope/1", 0, 10));
        engine.close();

        // The same log recorded first and the challenge installed afterwards: the catch-up gives the same board.
        PlayEngine late = new PlayEngine();
        late.open(dir.resolve("late"), Integer.MAX_VALUE, Integer.MAX_VALUE);
        late.recordAll(all);
        late.addChallenge(scoring());
        List<LeaderboardEntry> caughtUp = late.statistics().leaderboard(BOARD, 0, 500).entries();
        assertEquals(actual, caughtUp, "300 users at most: one page of 500 holds the board");
        late.close();
    }
}
