package org.segue.plugin.cli.recommend.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Ranking metrics with binary relevance. */
final class Metrics {
    private Metrics() {
    }

    /** The fraction of the first {@code k} slots holding a relevant item (empty slots count as misses). */
    static <T> double precisionAt(int k, List<T> ranked, Set<T> relevant) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
            }
        }
        return (double) hits / k;
    }

    /**
     * NDCG@k: {@code Σ rel_i / log2(i + 2)} over the first {@code k} ranks (i from 0), divided by the
     * same sum for an ideal ranking of {@code min(k, |relevant|)} relevant items; 0 when nothing is relevant.
     */
    static <T> double ndcgAt(int k, List<T> ranked, Set<T> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** The share of the catalogue recommended at least once. */
    static double coverage(Collection<?> recommended, int catalogueSize) {
        return catalogueSize == 0 ? 0 : (double) Set.copyOf(recommended).size() / catalogueSize;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
