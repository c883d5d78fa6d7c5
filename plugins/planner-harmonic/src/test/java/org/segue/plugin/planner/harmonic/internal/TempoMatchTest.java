package org.segue.plugin.planner.harmonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TempoMatchTest {

    @Test
    void halfAndDoubleTimeCountAsTheSameTempo() {
        double same = TempoMatch.fit(128, 128).score();
        assertEquals(1.0, same, 1e-12);
        assertEquals(same, TempoMatch.fit(128, 64).score(), 1e-12);
        assertEquals(1, TempoMatch.fit(128, 64).octave());
        assertEquals(same, TempoMatch.fit(64, 128).score(), 1e-12);
        assertEquals(-1, TempoMatch.fit(64, 128).octave());
        assertEquals(TempoMatch.fit(124, 126).score(), TempoMatch.fit(124, 63).score(), 1e-12);
        assertEquals(TempoMatch.fit(124, 126).score(), TempoMatch.fit(124, 252).score(), 1e-12);
    }

    @Test
    void closeTempiScoreHighAndLargeStretchesLow() {
        TempoMatch.Fit near = TempoMatch.fit(124, 126);
        assertEquals(0.016, near.change(), 0.001);
        assertTrue(near.score() > 0.98, "1.6% is nothing: " + near.score());
        assertEquals(0.5, TempoMatch.fit(100, 106).score(), 1e-9);
        assertTrue(TempoMatch.fit(100, 108).score() < 0.3);
        assertTrue(TempoMatch.fit(100, 115).score() < 0.05);
        // 100 → 150 is as far from 1x as it is from 2x: nothing fits.
        assertTrue(TempoMatch.fit(100, 150).score() < 0.01);
    }

    @Test
    void fallsSteadilyWithTheStretch() {
        double previous = 1.1;
        for (double bpm = 120; bpm <= 165; bpm += 1) {
            double score = TempoMatch.fit(120, bpm).score();
            assertTrue(score < previous, "at " + bpm);
            previous = score;
        }
    }

    @Test
    void symmetric() {
        assertEquals(TempoMatch.fit(120, 127).score(), TempoMatch.fit(127, 120).score(), 1e-12);
        assertEquals(TempoMatch.fit(70, 127).score(), TempoMatch.fit(127, 70).score(), 1e-12);
    }
}
