package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LeaderboardTest {

    @Test
    void tiesShareARankAndPagesContinueTheRanking() {
        Leaderboard b = new Leaderboard();
        Map<String, String> names = Map.of("a", "A", "b", "B", "c", "C", "d", "D", "e", "E");
        b.put("a", 5, 1);
        b.put("b", 9, 2);
        b.put("c", 5, 0);
        b.put("d", 1, 3);
        b.put("e", 0, 4); // no score, no place
        assertEquals(List.of(new Leaderboard.Row(1, "B", 9), new Leaderboard.Row(2, "C", 5)), b.page(1, 2, names),
                "c reached 5 before a");
        assertEquals(List.of(new Leaderboard.Row(2, "A", 5), new Leaderboard.Row(4, "D", 1)), b.page(2, 2, names));
        assertEquals(List.of(), b.page(3, 2, names));
        assertEquals(4, b.size());
        assertThrows(IllegalArgumentException.class, () -> b.page(0, 10, names));
    }

    @Test
    void incrementalUpdatesGiveTheSameOrderAsSortingFromScratch() {
        long seed = 20261126L;
        Random random = new Random(seed);
        Leaderboard b = new Leaderboard();
        Map<String, double[]> truth = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String user = "u" + random.nextInt(500);
            names.put(user, user);
            double score = random.nextInt(50);
            if (random.nextInt(20) == 0) {
                b.remove(user);
                truth.remove(user);
            } else {
                double[] old = truth.get(user);
                b.put(user, score, step);
                if (score == 0) {
                    truth.remove(user);
                } else if (old == null || old[0] != score) {
                    truth.put(user, new double[] {score, step});
                }
            }
        }
        List<String> expected = new ArrayList<>(truth.keySet());
        expected.sort(Comparator.<String>comparingDouble(u -> -truth.get(u)[0]).thenComparingDouble(u -> truth.get(u)[1])
                .thenComparing(u -> u));
        List<String> actual = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<Leaderboard.Row> rows = b.page(page, 37, names);
            if (rows.isEmpty()) {
                break;
            }
            rows.forEach(r -> actual.add(r.name()));
        }
        assertEquals(expected, actual, "seed " + seed);
    }
}
