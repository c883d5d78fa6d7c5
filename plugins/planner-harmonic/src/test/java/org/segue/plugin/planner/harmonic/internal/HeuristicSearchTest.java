package org.segue.plugin.planner.harmonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.segue.api.mix.EnergyArc;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetRequest;
import org.segue.api.mix.SetTrack;

class HeuristicSearchTest {

    private static final SetRequest CLUB = new SetRequest(EnergyArc.WARM_UP_PEAK_COOL_DOWN, 1, null, 42);

    @Test
    void beatsRandomAndGreedyOrdersOn300Tracks() {
        List<SetTrack> tracks = Tracks.random(300, 300);
        SetModel model = Tracks.model(tracks, CLUB, PlannerSettings.DEFAULTS, -1);
        int[] order = HeuristicSearch.solve(model, CLUB.seed());
        ExactSearchTest.assertPermutation(order, 300);
        double found = model.score(order);

        double random = model.score(shuffled(300, new Random(1)));
        double greedy = model.score(simpleGreedy(model));
        // No order can beat every transition scoring wH + wT + wE = 1 and the opener 0.3: measure
        // each order by how far it stays below that.
        double bound = 299 + 0.3;
        System.out.printf("300 tracks, below the bound of %.1f: random %.1f, greedy %.1f, heuristic %.1f%n", bound,
                bound - random, bound - greedy, bound - found);
        assertTrue(bound - found < 0.3 * (bound - random), "random " + random + " vs " + found);
        assertTrue(bound - found < 0.8 * (bound - greedy), "greedy " + greedy + " vs " + found);
    }

    @Test
    void reproducibleForTheSameSeed() {
        List<SetTrack> tracks = Tracks.random(300, 77);
        HarmonicPlanner planner = new HarmonicPlanner(PlannerSettings.DEFAULTS);
        SetOrder first = planner.order(tracks, CLUB);
        SetOrder second = planner.order(tracks, CLUB);
        assertEquals(Tracks.ids(first), Tracks.ids(second));
        assertEquals(first.score(), second.score());
        assertEquals(first.transitions(), second.transitions());
    }

    @Test
    void reachesTheOptimumOnSmallSets() {
        // Where the exact search can check it, the heuristic should find the optimum or come close.
        Random random = new Random(99);
        int optimal = 0;
        for (int round = 0; round < 6; round++) {
            List<SetTrack> tracks = Tracks.random(11, random.nextLong());
            SetModel model = Tracks.model(tracks, CLUB, PlannerSettings.DEFAULTS, round % 2 == 0 ? 3 : -1);
            double best = model.score(ExactSearch.solve(model));
            int[] order = HeuristicSearch.solve(model, round);
            ExactSearchTest.assertPermutation(order, 11);
            double found = model.score(order);
            assertTrue(found >= best - 0.02 * Math.abs(best), "round " + round + ": " + found + " vs " + best);
            optimal += found >= best - 1e-9 ? 1 : 0;
            if (model.first >= 0) {
                assertEquals(model.first, order[0]);
            }
        }
        assertTrue(optimal >= 5, "optimal in " + optimal + " of 6");
    }

    @Test
    void keepsTheFixedOpener() {
        List<SetTrack> tracks = Tracks.random(120, 12);
        SetModel model = Tracks.model(tracks, CLUB, PlannerSettings.DEFAULTS, 57);
        int[] order = HeuristicSearch.solve(model, 3);
        assertEquals(57, order[0]);
        ExactSearchTest.assertPermutation(order, 120);
    }

    @Test
    void copesWithTinySets() {
        // The heuristic is never used below the exact limit by default; forced, it must still work.
        for (int n = 2; n <= 6; n++) {
            for (int first : new int[] {-1, n - 1}) {
                SetModel model = Tracks.model(Tracks.random(n, n), CLUB, PlannerSettings.DEFAULTS, first);
                int[] order = HeuristicSearch.solve(model, 1);
                ExactSearchTest.assertPermutation(order, n);
                assertEquals(model.score(ExactSearch.solve(model)), model.score(order), 1e-9, n + " tracks");
                if (first >= 0) {
                    assertEquals(first, order[0]);
                }
            }
        }
    }

    /** Nearest neighbour by the position-aware step score, from the first track given. */
    static int[] simpleGreedy(SetModel model) {
        return HeuristicSearch.greedy(model, 0);
    }

    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
