package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaults() {
        BenchOptions o = BenchOptions.parse(List.of());
        assertEquals(100_000, o.tracks());
        assertEquals(2000, o.queries());
        assertNull(o.dir());
        assertNull(o.folder(Path.of("/work")));
    }

    @Test
    void everyOption() {
        BenchOptions o = BenchOptions.parse(List.of("--tracks", "1000000", "--queries", "500", "--dir", "idx"));
        assertEquals(1_000_000, o.tracks());
        assertEquals(500, o.queries());
        assertEquals(Path.of("/work/idx"), o.folder(Path.of("/work")));
        assertEquals(Path.of("/abs"), BenchOptions.parse(List.of("--dir", "/abs")).folder(Path.of("/work")));
    }

    @Test
    void suffixesAndSeparators() {
        assertEquals(1_000_000, BenchOptions.parse(List.of("--tracks", "1m")).tracks());
        assertEquals(1_000_000, BenchOptions.parse(List.of("--tracks", "1M")).tracks());
        assertEquals(100_000, BenchOptions.parse(List.of("--tracks", "100k")).tracks());
        assertEquals(250_000, BenchOptions.parse(List.of("--tracks", "250_000")).tracks());
        assertEquals(1, BenchOptions.parse(List.of("--tracks", "1")).tracks());
    }

    @Test
    void lastValueWins() {
        assertEquals(7, BenchOptions.parse(List.of("--queries", "5", "--queries", "7")).queries());
    }

    @Test
    void errors() {
        assertError("--tracks needs a value", "--tracks");
        assertError("--tracks needs a number in 1..100000000, not '0'", "--tracks", "0");
        assertError("--tracks needs a number in 1..100000000, not '-5'", "--tracks", "-5");
        assertError("--tracks needs a number in 1..100000000, not '+5'", "--tracks", "+5");
        assertError("--tracks needs a number in 1..100000000, not 'lots'", "--tracks", "lots");
        assertError("--tracks needs a number in 1..100000000, not '1.5m'", "--tracks", "1.5m");
        assertError("--tracks needs a number in 1..100000000, not '101m'", "--tracks", "101m");
        assertError("--tracks needs a number in 1..100000000, not '99999999999999999999'", "--tracks",
                "99999999999999999999");
        assertError("--queries needs a number in 1..10000000, not 'k'", "--queries", "k");
        assertError("--dir needs a value", "--dir");
        assertError("--dir needs a folder", "--dir", " ");
        assertError("unknown option --track", "--track", "5");
        assertError("unexpected argument 'library'", "library");
    }

    private static void assertError(String message, String... args) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of(args)))
                .getMessage());
    }
}
