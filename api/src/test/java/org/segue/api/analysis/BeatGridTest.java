package org.segue.api.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BeatGridTest {

    private static final List<TempoSegment> ONE_TEMPO = List.of(new TempoSegment(0, 120));

    @Test
    void tempoAtFollowsSegments() {
        BeatGrid grid = new BeatGrid(new double[] {0.5, 1.0}, 4, 0, List.of(
                new TempoSegment(0, 120), new TempoSegment(30, 125), new TempoSegment(60.5, 128)));

        assertEquals(120, grid.tempoAt(-1));
        assertEquals(120, grid.tempoAt(0));
        assertEquals(120, grid.tempoAt(29.999));
        assertEquals(125, grid.tempoAt(30));
        assertEquals(125, grid.tempoAt(60.49));
        assertEquals(128, grid.tempoAt(60.5));
        assertEquals(128, grid.tempoAt(10_000));
    }

    @Test
    void tempoAtWithOneSegment() {
        BeatGrid grid = new BeatGrid(new double[0], 4, 0, ONE_TEMPO);
        assertEquals(120, grid.tempoAt(0));
        assertEquals(120, grid.tempoAt(500));
    }

    @Test
    void beatIndexAtFindsThePlayingBeat() {
        BeatGrid grid = new BeatGrid(new double[] {1.0, 1.5, 2.0}, 4, 0, ONE_TEMPO);

        assertEquals(-1, grid.beatIndexAt(0.99));
        assertEquals(0, grid.beatIndexAt(1.0));
        assertEquals(0, grid.beatIndexAt(1.49));
        assertEquals(1, grid.beatIndexAt(1.5));
        assertEquals(2, grid.beatIndexAt(99));
        assertEquals(-1, new BeatGrid(new double[0], 4, 0, ONE_TEMPO).beatIndexAt(3));
    }

    @Test
    void downbeatsStartAfterThePickup() {
        double[] beats = new double[10];
        for (int i = 0; i < beats.length; i++) {
            beats[i] = 0.5 * i;
        }
        BeatGrid grid = new BeatGrid(beats, 4, 2, ONE_TEMPO);

        assertFalse(grid.isDownbeat(0));
        assertFalse(grid.isDownbeat(1));
        assertTrue(grid.isDownbeat(2));
        assertFalse(grid.isDownbeat(3));
        assertTrue(grid.isDownbeat(6));
        assertThrows(IndexOutOfBoundsException.class, () -> grid.isDownbeat(10));
    }

    @Test
    void copiesArraysAndLists() {
        double[] beats = {0.5, 1.0, 1.5};
        List<TempoSegment> segments = new ArrayList<>(ONE_TEMPO);
        BeatGrid grid = new BeatGrid(beats, 4, 0, segments);

        beats[0] = 99;
        segments.add(new TempoSegment(10, 130));
        grid.beats()[1] = 99;

        assertArrayEquals(new double[] {0.5, 1.0, 1.5}, grid.beats());
        assertEquals(0.5, grid.beat(0));
        assertEquals(1, grid.segments().size());
        assertThrows(UnsupportedOperationException.class, () -> grid.segments().add(new TempoSegment(5, 1)));
    }

    @Test
    void equalityComparesBeatValues() {
        BeatGrid a = new BeatGrid(new double[] {0.5, 1.0}, 4, 0, ONE_TEMPO);
        BeatGrid b = new BeatGrid(new double[] {0.5, 1.0}, 4, 0, ONE_TEMPO);
        BeatGrid c = new BeatGrid(new double[] {0.5, 1.1}, 4, 0, ONE_TEMPO);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
    }

    @Test
    void rejectsInvalidGrids() {
        assertThrows(IllegalArgumentException.class,
                () -> new BeatGrid(new double[] {1.0, 1.0}, 4, 0, ONE_TEMPO), "beats not increasing");
        assertThrows(IllegalArgumentException.class,
                () -> new BeatGrid(new double[] {-0.1}, 4, 0, ONE_TEMPO), "negative beat");
        assertThrows(IllegalArgumentException.class,
                () -> new BeatGrid(new double[] {Double.NaN}, 4, 0, ONE_TEMPO), "NaN beat");
        assertThrows(IllegalArgumentException.class,
                () -> new BeatGrid(new double[] {1, 2}, 0, 0, ONE_TEMPO), "no beats per bar");
        assertThrows(IllegalArgumentException.class,
                () -> new BeatGrid(new double[] {1, 2, 3, 4, 5}, 4, 4, ONE_TEMPO), "downbeat not in first bar");
        assertThrows(IllegalArgumentException.class,
                () -> new BeatGrid(new double[] {1, 2}, 4, 2, ONE_TEMPO), "downbeat past the beats");
        assertThrows(IllegalArgumentException.class,
                () -> new BeatGrid(new double[] {1, 2}, 4, 0, List.of()), "no segments");
        assertThrows(IllegalArgumentException.class,
                () -> new BeatGrid(new double[] {1, 2}, 4, 0, List.of(new TempoSegment(1, 120))), "gap at start");
        assertThrows(IllegalArgumentException.class, () -> new BeatGrid(new double[] {1, 2}, 4, 0,
                List.of(new TempoSegment(0, 120), new TempoSegment(0, 125))), "segments not increasing");
        assertThrows(IllegalArgumentException.class, () -> new TempoSegment(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TempoSegment(Double.NaN, 120));
    }
}
