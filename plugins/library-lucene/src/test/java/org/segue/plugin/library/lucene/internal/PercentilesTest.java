package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Nearest rank: element ceil(p/100 · n), counting from 1. All expected values worked out by hand. */
class PercentilesTest {

    @Test
    void oneValue() {
        long[] one = {7};
        assertEquals(7, Percentiles.percentile(one, 0));
        assertEquals(7, Percentiles.percentile(one, 50));
        assertEquals(7, Percentiles.percentile(one, 99));
        assertEquals(7, Percentiles.percentile(one, 100));
    }

    @Test
    void fiveValues() {
        long[] v = {10, 20, 30, 40, 50};
        assertEquals(10, Percentiles.percentile(v, 0)); // first
        assertEquals(10, Percentiles.percentile(v, 20)); // ceil(1.0) = 1
        assertEquals(20, Percentiles.percentile(v, 21)); // ceil(1.05) = 2
        assertEquals(30, Percentiles.percentile(v, 50)); // ceil(2.5) = 3: the median
        assertEquals(50, Percentiles.percentile(v, 99)); // ceil(4.95) = 5
        assertEquals(50, Percentiles.percentile(v, 100));
    }

    @Test
    void evenCountMedianIsTheLowerMiddle() {
        assertEquals(2, Percentiles.percentile(new long[] {1, 2, 3, 4}, 50)); // ceil(2.0) = 2
    }

    @Test
    void hundredValues() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1; // 1..100
        }
        assertEquals(50, Percentiles.percentile(v, 50)); // rank 50
        assertEquals(99, Percentiles.percentile(v, 99)); // rank 99
        assertEquals(100, Percentiles.percentile(v, 99.5)); // ceil(99.5) = 100
    }

    @Test
    void twoThousandValuesP99IsRank1980() {
        long[] v = new long[2000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        assertEquals(1000, Percentiles.percentile(v, 50));
        assertEquals(1980, Percentiles.percentile(v, 99)); // 99 · 2000 / 100 = 1980 exactly, not 1981
    }

    @Test
    void ofSortsACopy() {
        long[] values = {50, 10, 40, 20, 30};
        assertArrayEquals(new long[] {30, 50, 10}, Percentiles.of(values, 50, 99, 0));
        assertArrayEquals(new long[] {50, 10, 40, 20, 30}, values); // untouched
    }

    @Test
    void bad() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new long[] {1}, -1));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new long[] {1}, 100.5));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new long[] {1}, Double.NaN));
    }
}
