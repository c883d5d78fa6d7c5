package org.segue.plugin.planner.harmonic.internal;

import java.util.Arrays;

/**
 * The best order of a small set, by dynamic programming over subsets (Held–Karp).
 *
 * <p>{@code best[S][j]} is the highest score of an order of exactly the tracks in {@code S} that
 * ends with {@code j}. Such an order fills positions {@code 0..|S|-1}, so the next track goes to
 * position {@code |S|}: the position-dependent energy term is known when the track is appended and
 * the recurrence
 * <pre>
 *   best[S ∪ {k}][k] = max_j best[S][j] + pair[j][k] + place[k][|S|]
 * </pre>
 * is exact, energy arc included. Start: {@code best[{i}][i] = place[i][0]} for every track, or only
 * for the fixed first one. Time {@code O(2^n·n²)}, memory {@code O(2^n·n)}: 12 tracks take a few
 * milliseconds, 16 about a tenth of a second and 10 MB.
 *
 * <p>Ties keep the first order found (lowest indices first), so the result is deterministic.
 */
final class ExactSearch {

    private ExactSearch() {
    }

    /** The optimal order, as indices into the model's tracks. */
    static int[] solve(SetModel model) {
        int n = model.size;
        if (n == 0) {
            return new int[0];
        }
        if (n > PlannerSettings.MAX_EXACT) {
            throw new IllegalArgumentException("exact search is limited to " + PlannerSettings.MAX_EXACT
                    + " tracks: " + n);
        }
        int subsets = 1 << n;
        double[] best = new double[subsets * n];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        // n <= 16 fits a byte: the predecessor of the last track in each partial order.
        byte[] previous = new byte[subsets * n];
        for (int i = 0; i < n; i++) {
            if (model.first < 0 || model.first == i) {
                best[(1 << i) * n + i] = model.place[i][0];
            }
        }
        double[][] pair = model.pair;
        double[][] place = model.place;
        for (int set = 1; set < subsets; set++) {
            int position = Integer.bitCount(set);
            if (position == n) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                double base = best[set * n + j];
                if (base == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double[] fromJ = pair[j];
                for (int k = 0; k < n; k++) {
                    if ((set & (1 << k)) != 0) {
                        continue;
                    }
                    double value = base + fromJ[k] + place[k][position];
                    int cell = (set | (1 << k)) * n + k;
                    if (value > best[cell]) {
                        best[cell] = value;
                        previous[cell] = (byte) j;
                    }
                }
            }
        }
        int full = subsets - 1;
        int last = -1;
        for (int j = 0; j < n; j++) {
            if (last < 0 || best[full * n + j] > best[full * n + last]) {
                last = j;
            }
        }
        int[] order = new int[n];
        int set = full;
        for (int k = n - 1; k >= 0; k--) {
            order[k] = last;
            int before = previous[set * n + last];
            set &= ~(1 << last);
            last = before;
        }
        return order;
    }
}
