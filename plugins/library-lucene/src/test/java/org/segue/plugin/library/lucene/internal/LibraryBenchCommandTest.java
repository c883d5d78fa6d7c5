package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;

/** What the bench command decides and generates; no timings are asserted (it is a benchmark, not a timed test). */
class LibraryBenchCommandTest {

    @Test
    void compatibleKeys() {
        assertEquals(List.of("8A", "7A", "9A", "8B"), List.copyOf(SyntheticLibrary.compatible(MusicalKey.fromCamelot("8A"))));
        assertEquals(Set.of("12B", "11B", "1B", "12A"), SyntheticLibrary.compatible(MusicalKey.fromCamelot("12B")));
        assertEquals(Set.of("1A", "12A", "2A", "1B"), SyntheticLibrary.compatible(MusicalKey.fromCamelot("1A")));
    }

    @Test
    void sameSeedSameLibrary() {
        SyntheticLibrary a = new SyntheticLibrary(42);
        SyntheticLibrary b = new SyntheticLibrary(42);
        for (int i = 0; i < 20; i++) {
            TrackIndex.Entry x = a.entry(i);
            TrackIndex.Entry y = b.entry(i);
            assertEquals(x.track(), y.track());
            float[] v = x.analysis().get(StandardResults.EMBEDDING).orElseThrow().vector();
            assertEquals(64, v.length);
            assertEquals(1.0, dot(v, v), 1e-5);
            assertEquals(List.of(v[0], v[63]),
                    List.of(y.analysis().get(StandardResults.EMBEDDING).orElseThrow().vector()[0],
                            y.analysis().get(StandardResults.EMBEDDING).orElseThrow().vector()[63]));
        }
        SyntheticLibrary.Recommendation r = a.recommendation(10);
        assertEquals(0.92 * r.filter().bpm().max() / 1.08, r.filter().bpm().min(), 1e-9);
        assertTrue(r.filter().bpmHalfDouble());
        assertEquals(4, r.filter().camelotKeys().size());
    }

    @Test
    void goalLine() {
        assertTrue(LibraryBenchCommand.goal(1_000_000, 3.2).endsWith(": met (p99 3.20 ms at 1,000,000 tracks)"));
        assertTrue(LibraryBenchCommand.goal(1_000_000, 12).contains("roadmap met, goal not met"));
        assertTrue(LibraryBenchCommand.goal(1_000_000, 150).contains(": not met"));
        assertTrue(LibraryBenchCommand.goal(100_000, 2).endsWith("met at 100,000 tracks (run --tracks 1m for the goal's size)"));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
