package org.segue.plugin.cli.recommend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MetricsTest {
    static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void precisionCountsHitsOverK() {
        assertEquals(0.2, Metrics.precisionAt(10, List.of("a", "x", "b"), Set.of("a", "b", "c")), 1e-12);
        assertEquals(2.0 / 3, Metrics.precisionAt(3, List.of("a", "x", "b", "c"), Set.of("a", "b", "c")), 1e-12);
        assertEquals(0, Metrics.precisionAt(5, List.of(), Set.of("a")), 1e-12);
    }

    @Test
    void ndcgByHand() {
        // Hits at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5; ideal for 2 relevant = 1 + 1/log2(3).
        assertEquals(1.5 / (1 + 1 / LOG2_3), Metrics.ndcgAt(10, List.of("a", "x", "b"), Set.of("a", "b")), 1e-12);
        // A hit at rank 2 only, one relevant item: (1/log2(3)) / 1.
        assertEquals(1 / LOG2_3, Metrics.ndcgAt(10, List.of("x", "a"), Set.of("a")), 1e-12);
        assertEquals(1, Metrics.ndcgAt(2, List.of("b", "a", "x"), Set.of("a", "b", "c")), 1e-12);
        assertEquals(0, Metrics.ndcgAt(10, List.of("a"), Set.of()), 1e-12);
    }

    @Test
    void coverageIsTheShareOfDistinctItemsShown() {
        assertEquals(0.3, Metrics.coverage(List.of("a", "b", "a", "c"), 10), 1e-12);
    }
}
