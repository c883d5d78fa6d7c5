package org.segue.plugin.planner.harmonic.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A good order of a large set: greedy construction, simulated annealing, then a local-search
 * polish. Reproducible: the same model and seed give the same order (the only randomness is a
 * {@link SplittableRandom} from the seed, and {@link StrictMath} keeps the arithmetic identical on
 * every JVM).
 *
 * <ol>
 * <li>Greedy: from each of a few openers (the best fits to the arc's start, and some drawn at
 * random; only the fixed first track when there is one), append the track with the best
 * {@code pair + place} for the next position. The best of these starts the annealing.</li>
 * <li>Annealing: random moves, each kept when it improves the score or, with probability
 * {@code exp(Δ/T)}, when it does not; T falls geometrically from a third of the typical loss of a
 * random move to a thousandth of that, over {@value #ITERATIONS_PER_TRACK} moves per track (at most
 * {@value #MAX_ITERATIONS}). Moves: swap two tracks anywhere (cheap long-range relocation, which
 * the energy arc needs), reverse a stretch of up to {@value #WINDOW} tracks (2-opt), and move a
 * run of 1–3 tracks up to {@value #WINDOW} places (or-opt). Because the energy term depends on
 * positions, a move changes every position it shifts, so each move's Δ is summed over its whole
 * span; the window bounds that cost.</li>
 * <li>Polish: first-improvement passes of the same moves within the window until none improves.</li>
 * </ol>
 * The best order seen is returned. With the fixed first track, position 0 is never moved.
 */
final class HeuristicSearch {

    static final int WINDOW = 40;
    static final int GREEDY_STARTS = 8;
    static final int ITERATIONS_PER_TRACK = 3000;
    static final int MAX_ITERATIONS = 2_000_000;
    static final int MAX_POLISH_PASSES = 20;
    private static final double EPSILON = 1e-12;

    private final SetModel model;
    private final SplittableRandom random;
    private final int n;
    /** The lowest position a move may touch: 1 when the opener is fixed. */
    private final int low;
    private final int[] order;
    /** The span a move overwrote, for {@link #undo()}. */
    private final int[] saved;
    // The move last made, for undo(): kind 0 swaps positions a and b back, otherwise the saved
    // span a..b is restored.
    private int lastKind;
    private int lastA;
    private int lastB;

    private HeuristicSearch(SetModel model, long seed, int[] start) {
        this.model = model;
        this.random = new SplittableRandom(seed);
        this.n = model.size;
        this.low = model.first >= 0 ? 1 : 0;
        this.order = start;
        this.saved = new int[n];
    }

    /** A good order, as indices into the model's tracks. */
    static int[] solve(SetModel model, long seed) {
        return solve(model, seed, ITERATIONS_PER_TRACK);
    }

    /** As {@link #solve(SetModel, long)}, with a given annealing effort (tests and tuning). */
    static int[] solve(SetModel model, long seed, int iterationsPerTrack) {
        int n = model.size;
        if (n == 0) {
            return new int[0];
        }
        int[] start = bestGreedy(model, new SplittableRandom(seed ^ 0x5DEECE66DL));
        HeuristicSearch search = new HeuristicSearch(model, seed, start);
        int[] best = search.anneal(iterationsPerTrack);
        return new HeuristicSearch(model, seed, best).polish();
    }

    /** The best greedy order over a few openers. */
    static int[] bestGreedy(SetModel model, SplittableRandom random) {
        int n = model.size;
        int[] openers;
        if (model.first >= 0) {
            openers = new int[] {model.first};
        } else {
            Integer[] byFit = new Integer[n];
            for (int i = 0; i < n; i++) {
                byFit[i] = i;
            }
            Arrays.sort(byFit, (a, b) -> Double.compare(model.place[b][0], model.place[a][0]));
            int count = Math.min(n, GREEDY_STARTS);
            openers = new int[count];
            for (int i = 0; i < count; i++) {
                // Half the openers fit the arc's start best; the rest are drawn at random.
                openers[i] = i < count / 2 ? byFit[i] : random.nextInt(n);
            }
        }
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int opener : openers) {
            int[] candidate = greedy(model, opener);
            double score = model.score(candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Nearest neighbour, position-aware: each step takes the best {@code pair + place}. */
    static int[] greedy(SetModel model, int opener) {
        int n = model.size;
        boolean[] used = new boolean[n];
        int[] order = new int[n];
        order[0] = opener;
        used[opener] = true;
        for (int k = 1; k < n; k++) {
            int last = order[k - 1];
            int next = -1;
            double nextScore = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (!used[j]) {
                    double score = model.pair[last][j] + model.place[j][k];
                    if (score > nextScore) {
                        next = j;
                        nextScore = score;
                    }
                }
            }
            order[k] = next;
            used[next] = true;
        }
        return order;
    }

    private int[] anneal(int iterationsPerTrack) {
        int[] best = order.clone();
        if (n - low < 2) {
            return best;
        }
        double current = model.score(order);
        double bestScore = current;
        // A random move in a greedy order mostly loses much more than moves near the optimum, so a
        // third of its typical loss is hot enough to leave the greedy order's local optimum.
        double startTemperature = typicalLoss() / 3;
        double temperature = startTemperature;
        long iterations = Math.min(MAX_ITERATIONS, (long) iterationsPerTrack * n);
        double cooling = StrictMath.pow(1e-3, 1.0 / iterations);
        for (long step = 0; step < iterations; step++, temperature *= cooling) {
            double delta = randomMove();
            double ratio = delta / temperature;
            // Below -30 the chance is under 1e-13: most moves skip the exponential.
            if (delta >= 0 || ratio > -30 && random.nextDouble() < StrictMath.exp(ratio)) {
                current += delta;
                if (current > bestScore + EPSILON) {
                    bestScore = current;
                    System.arraycopy(order, 0, best, 0, n);
                }
            } else {
                undo();
            }
        }
        return best;
    }

    /** The mean loss of worsening random moves: where the temperature starts. */
    private double typicalLoss() {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < 200; i++) {
            double delta = randomMove();
            undo();
            if (delta < 0) {
                sum -= delta;
                count++;
            }
        }
        return count == 0 ? 1e-3 : Math.max(1e-6, sum / count);
    }

    /** Makes a random move and returns its Δ. */
    private double randomMove() {
        int span = n - low;
        int kind = random.nextInt(3);
        if (kind == 0 || span < 3) {
            int a = low + random.nextInt(span);
            int b = low + random.nextInt(span - 1);
            if (b >= a) {
                b++;
            }
            return swap(Math.min(a, b), Math.max(a, b));
        }
        if (kind == 1) {
            int length = 2 + random.nextInt(Math.min(WINDOW, span) - 1);
            int a = low + random.nextInt(span - length + 1);
            return reverse(a, a + length - 1);
        }
        int run = 1 + random.nextInt(Math.min(3, span - 1));
        int distance = 1 + random.nextInt(Math.min(WINDOW, span - run));
        int a = low + random.nextInt(span - run - distance + 1);
        int b = a + run + distance - 1;
        // Either the run at the front moves back, or the run at the end moves forward.
        return random.nextBoolean() ? rotate(a, b, run) : rotate(a, b, b - a + 1 - run);
    }

    private double swap(int a, int b) {
        lastKind = 0;
        lastA = a;
        lastB = b;
        double before = b == a + 1 ? span(a, b) : span(a, a) + span(b, b);
        int t = order[a];
        order[a] = order[b];
        order[b] = t;
        return (b == a + 1 ? span(a, b) : span(a, a) + span(b, b)) - before;
    }

    private double reverse(int a, int b) {
        double before = save(a, b);
        flip(a, b);
        return span(a, b) - before;
    }

    /** Rotates {@code a..b} left by {@code by}: the first {@code by} tracks go to the end. */
    private double rotate(int a, int b, int by) {
        double before = save(a, b);
        flip(a, a + by - 1);
        flip(a + by, b);
        flip(a, b);
        return span(a, b) - before;
    }

    private double save(int a, int b) {
        lastKind = 1;
        lastA = a;
        lastB = b;
        System.arraycopy(order, a, saved, 0, b - a + 1);
        return span(a, b);
    }

    private void undo() {
        if (lastKind == 0) {
            int t = order[lastA];
            order[lastA] = order[lastB];
            order[lastB] = t;
        } else {
            System.arraycopy(saved, 0, order, lastA, lastB - lastA + 1);
        }
    }

    private void flip(int a, int b) {
        for (; a < b; a++, b--) {
            int t = order[a];
            order[a] = order[b];
            order[b] = t;
        }
    }

    /** The score terms that depend on positions {@code a..b}: their places and the edges touching them. */
    private double span(int a, int b) {
        double sum = 0;
        for (int k = a; k <= b; k++) {
            sum += model.place[order[k]][k];
        }
        int lastEdge = Math.min(b, n - 2);
        for (int e = Math.max(a - 1, 0); e <= lastEdge; e++) {
            sum += model.pair[order[e]][order[e + 1]];
        }
        return sum;
    }

    /** First-improvement local search with the annealing's moves, limited to the window. */
    private int[] polish() {
        for (int pass = 0; pass < MAX_POLISH_PASSES && improveOnce(); pass++) {
            // Each pass keeps every improving move it finds.
        }
        return order;
    }

    private boolean improveOnce() {
        boolean improved = false;
        for (int a = low; a < n - 1; a++) {
            int end = Math.min(n - 1, a + WINDOW);
            for (int b = a + 1; b <= end; b++) {
                // '|', not '||': every move is tried, each on the order the one before left.
                if (keep(swap(a, b)) | keep(reverse(a, b))) {
                    improved = true;
                }
                for (int run = 1; run <= 3 && run < b - a + 1; run++) {
                    if (keep(rotate(a, b, run)) | keep(rotate(a, b, b - a + 1 - run))) {
                        improved = true;
                    }
                }
            }
        }
        return improved;
    }

    private boolean keep(double delta) {
        if (delta > EPSILON) {
            return true;
        }
        undo();
        return false;
    }
}
