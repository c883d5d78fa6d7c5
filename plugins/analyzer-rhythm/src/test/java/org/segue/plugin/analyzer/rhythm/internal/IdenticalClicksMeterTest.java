package org.segue.plugin.analyzer.rhythm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.StandardResults;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/**
 * A click track with every click the same carries no meter, and must come out in 4/4. The tempi
 * include those whose beat period is about a third (or two thirds) of a frame, a timbre frame or
 * a period of the 110 Hz pad more than a whole number (102, 114, 127, 141, 165 bpm; 90 and 99 bpm
 * for the pad), where the measurement's own errors repeat every three beats.
 */
class IdenticalClicksMeterTest {

    private static final int RATE = 44100;

    @ParameterizedTest
    @CsvSource({"90, 5000", "99, 5000", "102, 5000", "114, 5000", "120, 5000", "127, 5000", "141, 5000",
            "153, 5000", "165, 5000", "180, 5000", "102, 1000", "124, 1000", "141, 1000", "153, 1000", "165, 1000"})
    void identicalClicksOverAPadAreFourFour(double bpm, double hz) {
        BeatGrid grid = analyse(clicksOverPad(bpm, hz, 90));
        assertEquals(4, grid.beatsPerBar(), "identical " + hz + " Hz clicks at " + bpm + " bpm");
    }

    @ParameterizedTest
    @ValueSource(doubles = {96, 127, 150})
    void accentedClicksKeepTheirMeter(double bpm) {
        assertEquals(4, analyse(Signals.clicks(RATE, 60, bpm, 4, 0.5).audio()[0]).beatsPerBar());
        assertEquals(3, analyse(Signals.clicks(RATE, 60, bpm, 3, 0.5).audio()[0]).beatsPerBar());
    }

    private static BeatGrid analyse(float[] x) {
        return AnalyzerHarness.run(new RhythmAnalyzer(RhythmSettings.DEFAULTS), RATE, new float[][] {x}, 1024)
                .require(StandardResults.BEAT_GRID);
    }

    /** 40 ms sine bursts decaying over 6 ms every beat from 0.5 s, over a steady 110 Hz sine. */
    static float[] clicksOverPad(double bpm, double hz, double seconds) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.55 * 0.15 * Math.sin(2 * Math.PI * 110 * i / RATE));
        }
        for (int beat = 0; 0.5 + beat * 60 / bpm < seconds; beat++) {
            int start = (int) Math.round((0.5 + beat * 60 / bpm) * RATE);
            for (int i = 0; i < 0.04 * RATE && start + i < x.length; i++) {
                x[start + i] += (float) (0.55 * Math.exp(-i / (0.006 * RATE)) * Math.sin(2 * Math.PI * hz * i / RATE));
            }
        }
        return x;
    }
}
