package org.segue.plugin.planner.harmonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.segue.api.mix.EnergyArc;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetRequest;
import org.segue.api.mix.SetTrack;

class ExactSearchTest {

    private final HarmonicPlanner planner = new HarmonicPlanner(PlannerSettings.DEFAULTS);

    @Test
    void findsAShuffledCamelotChain() {
        List<String> chain = List.of("8A", "9A", "10A", "11A", "12A", "1A", "2A");
        List<SetTrack> tracks = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            tracks.add(Tracks.track(chain.get(i), "Artist " + i, chain.get(i), 124.0, 0.6));
        }
        Collections.shuffle(tracks, new Random(7));
        SetOrder order = planner.order(tracks, new SetRequest(EnergyArc.STEADY, 0, null, 1));
        List<String> ids = Tracks.ids(order);
        List<String> reversed = new ArrayList<>(chain);
        Collections.reverse(reversed);
        assertTrue(ids.equals(chain) || ids.equals(reversed), "the chain in either direction: " + ids);
        order.transitions().forEach(t -> assertTrue(t.explanation().contains("Camelot neighbour"), t.explanation()));
    }

    @Test
    void equalsBruteForceOnRandomSets() {
        long seed = 20261126L;
        Random random = new Random(seed);
        EnergyArc[] arcs = EnergyArc.values();
        for (int round = 0; round < 12; round++) {
            List<SetTrack> tracks = Tracks.random(7, random.nextLong());
            int first = round % 3 == 0 ? random.nextInt(7) : -1;
            SetRequest request = new SetRequest(arcs[round % arcs.length], round % 2, null, 1);
            SetModel model = Tracks.model(tracks, request, PlannerSettings.DEFAULTS, first);
            int[] exact = ExactSearch.solve(model);
            double brute = bruteForce(model);
            assertEquals(brute, model.score(exact), 1e-9, "round " + round + " of seed " + seed);
            assertPermutation(exact, 7);
            if (first >= 0) {
                assertEquals(first, exact[0]);
            }
        }
    }

    @Test
    void theArcTermMakesTheSearchPositionAware() {
        // Equal keys and tempi: only the energy arc orders, so a rising arc sorts by energy, a falling
        // one the other way round. An energy term scored without positions could tell neither.
        List<SetTrack> tracks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tracks.add(Tracks.track("e" + i, "Artist " + i, "5B", 126.0, 0.15 + 0.15 * i));
        }
        Collections.shuffle(tracks, new Random(3));
        assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e5"),
                Tracks.ids(planner.order(tracks, new SetRequest(EnergyArc.RISING, 0, null, 1))));
        assertEquals(List.of("e5", "e4", "e3", "e2", "e1", "e0"),
                Tracks.ids(planner.order(tracks, new SetRequest(EnergyArc.FALLING, 0, null, 1))));
    }

    /** The best score over all orders (that open with the fixed first track, if any). */
    static double bruteForce(SetModel model) {
        int[] order = new int[model.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double best = Double.NEGATIVE_INFINITY;
        do {
            if (model.first < 0 || order[0] == model.first) {
                best = Math.max(best, model.score(order));
            }
        } while (nextPermutation(order));
        return best;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    static void assertPermutation(int[] order, int n) {
        assertEquals(n, order.length);
        boolean[] seen = new boolean[n];
        for (int i : order) {
            assertTrue(!seen[i], "track " + i + " twice");
            seen[i] = true;
        }
    }
}
