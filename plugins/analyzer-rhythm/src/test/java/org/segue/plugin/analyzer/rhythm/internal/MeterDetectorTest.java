package org.segue.plugin.analyzer.rhythm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The bar length from per-beat cues, each in units of its resolution: four by default, three only
 * on evidence of its own that is larger than the measurement resolves.
 */
class MeterDetectorTest {

    private static final int BEATS = 240;

    @Test
    void aBackbeatAloneIsFourFour() {
        double[] claps = noisy(i -> i % 2 == 1 ? 1 : 0, 1);
        assertEquals(4, MeterDetector.beatsPerBar(new double[][] {claps, noisy(i -> 0, 2)}));
    }

    @Test
    void aChordChangeEveryFourBeatsIsFourFour() {
        double[] change = noisy(i -> i % 4 == 0 ? 1 : 0, 3);
        assertEquals(4, MeterDetector.beatsPerBar(new double[][] {change, noisy(i -> 0, 4)}));
    }

    @Test
    void anAccentEveryThreeBeatsIsThreeFour() {
        // Cues are in units of their resolution: an accent of five, with noise of half a unit.
        double[] accent = noisy(i -> i % 3 == 0 ? 5 : 0, 5);
        assertEquals(3, MeterDetector.beatsPerBar(new double[][] {accent, noisy(i -> 0, 6)}));
    }

    @Test
    void noEvidenceAtAllIsFourFour() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(4, MeterDetector.beatsPerBar(new double[][] {noisy(i -> 0, seed), noisy(i -> 0, seed + 100)}),
                    "noise, seed " + seed);
        }
    }

    @Test
    void aPatternOfThreeBelowTheResolutionIsNoEvidence() {
        // Identical clicks measured on a frame grid they drift against: every cue repeats every
        // three beats exactly, but by less than the resolution (the cues' unit).
        double[][] cues = new double[8][BEATS];
        for (int c = 0; c < cues.length; c++) {
            for (int i = 0; i < BEATS; i++) {
                cues[c][i] = 0.4 * Math.cos(2 * Math.PI * (i + c) / 3);
            }
        }
        assertEquals(4, MeterDetector.beatsPerBar(cues));
    }

    @Test
    void anExactPatternOfThreeAboveTheResolutionIsThreeFour() {
        double[] accent = new double[BEATS];
        for (int i = 0; i < BEATS; i++) {
            accent[i] = i % 3 == 0 ? 5 : 0;
        }
        assertEquals(3, MeterDetector.beatsPerBar(new double[][] {accent, new double[BEATS]}));
    }

    @Test
    void aSlowBuildDoesNotFavourEitherBarLength() {
        // A level rising through the track (sections building up) plus a backbeat.
        double[] build = noisy(i -> i / (double) BEATS * 3 + (i % 2 == 1 ? 0.5 : 0), 7);
        assertEquals(4, MeterDetector.beatsPerBar(new double[][] {build}));
    }

    private static double[] noisy(java.util.function.IntToDoubleFunction pattern, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[BEATS];
        for (int i = 0; i < BEATS; i++) {
            x[i] = pattern.applyAsDouble(i) + 0.5 * random.nextGaussian();
        }
        return x;
    }
}
