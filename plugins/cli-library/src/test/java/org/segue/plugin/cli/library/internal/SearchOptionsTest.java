package org.segue.plugin.cli.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.segue.api.library.Range;
import org.segue.api.library.TrackQuery;

class SearchOptionsTest {

    @Test
    void parsesEveryOption() {
        SearchOptions o = SearchOptions.parse(List.of("daft", "punk", "--bpm", "120-128", "--half-double", "--key",
                "8a,1m", "--genre", "house", "--genre", "Disco", "--energy", "0.5-", "--limit", "7", "--offset", "14",
                "--json"), true);
        TrackQuery q = o.query();
        assertEquals("daft punk", q.text());
        assertEquals(new Range(120, 128), q.bpm());
        assertTrue(q.bpmHalfDouble());
        assertEquals(Set.of("8A"), q.camelotKeys()); // Open Key 1m is Camelot 8A
        assertEquals(Set.of("house", "Disco"), q.genres());
        assertEquals(new Range(0.5, Double.POSITIVE_INFINITY), q.energy());
        assertEquals(7, q.limit());
        assertEquals(14, q.offset());
        assertTrue(o.json());
    }

    @Test
    void defaultsRestrictNothing() {
        SearchOptions o = SearchOptions.parse(List.of(), true);
        assertEquals("", o.query().text());
        assertNull(o.query().bpm());
        assertFalse(o.query().bpmHalfDouble());
        assertTrue(o.query().camelotKeys().isEmpty());
        assertEquals(SearchOptions.DEFAULT_LIMIT, o.query().limit());
        assertFalse(o.json());
    }

    @Test
    void aSingleBpmIsPlusMinusHalf() {
        assertEquals(new Range(127.5, 128.5), SearchOptions.parse(List.of("--bpm", "128"), true).query().bpm());
    }

    @Test
    void compatibleAddsTheCamelotNeighbours() {
        assertEquals(Set.of("8A", "7A", "9A", "8B"),
                SearchOptions.parse(List.of("--key", "8A", "--compatible"), true).query().camelotKeys());
        assertEquals(Set.of("12B", "11B", "1B", "12A"), SearchOptions.compatible(Set.of("12B")));
        assertEquals(Set.of("1A", "12A", "2A", "1B"), SearchOptions.compatible(Set.of("1A")));
    }

    @Test
    void similarKeepsTheWordsOutOfTheText() {
        SearchOptions o = SearchOptions.parse(List.of("track.flac", "--limit", "5"), false);
        assertEquals(List.of("track.flac"), o.words());
        assertEquals("", o.query().text());
        assertEquals(5, o.query().limit());
    }

    @Test
    void wrongOptionsSayWhat() {
        assertMessage("--bpm needs a range such as 120-128, not 'fast'", "--bpm", "fast");
        assertMessage("--bpm needs a range such as 120-128, not '130-120'", "--bpm", "130-120");
        assertMessage("--key needs a Camelot (8A) or Open Key (1m) code, not '13A'", "--key", "13A");
        assertMessage("--limit needs a number in 1..1000, not '0'", "--limit", "0");
        assertMessage("--limit needs a value", "--limit");
        assertMessage("unknown option --colour", "--colour", "red");
    }

    private static void assertMessage(String message, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchOptions.parse(List.of(args), true));
        assertEquals(message, e.getMessage());
    }
}
