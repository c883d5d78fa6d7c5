package org.segue.plugin.analyzer.rhythm.internal;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.StandardResults;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

class ScratchMeterTest {
    static float[] clicks(double bpm, double freq, double seconds) {
        int rate = 44100;
        float[] x = new float[(int) (seconds * rate)];
        for (double t = 0.5; t < seconds; t += 60 / bpm) {
            int s0 = (int) Math.round(t * rate);
            for (int i = 0; i < 0.04 * rate && s0 + i < x.length; i++) {
                x[s0 + i] += (float) (0.55 * Math.exp(-i / (0.006 * rate)) * Math.sin(2 * Math.PI * freq * i / rate));
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (0.55 * 0.15 * Math.sin(2 * Math.PI * 110 * i / (double) rate));
        }
        return x;
    }

    @Test
    void scratch() {
        System.setProperty("segue.meter.debug", "true");
        String[] cases = System.getProperty("scratch.cases", "127:5000,124:1000").split(",");
        for (String c : cases) {
            String[] p = c.split(":");
            double bpm = Double.parseDouble(p[0]);
            double f = Double.parseDouble(p[1]);
            System.err.println("=== " + bpm + " bpm " + f + " Hz");
            BeatGrid g = AnalyzerHarness.run(new RhythmAnalyzer(RhythmSettings.DEFAULTS), 44100,
                    new float[][] {clicks(bpm, f, 90)}, 1024).require(StandardResults.BEAT_GRID);
            System.err.println("RESULT " + bpm + " " + f + " -> " + g.beatsPerBar() + " beats=" + g.beatCount());
        }
        Signal w = Signals.clicks(44100, 60, 120, 3, 0.5);
        System.err.println("=== waltz clicks");
        System.err.println("RESULT waltzclicks -> " + AnalyzerHarness.run(new RhythmAnalyzer(RhythmSettings.DEFAULTS), 44100, w.audio(), 1024).require(StandardResults.BEAT_GRID).beatsPerBar());
        System.err.println("=== accented clicks");
        Signal s = Signals.clicks(44100, 60, 120, 4, 0.5);
        BeatGrid g = AnalyzerHarness.run(new RhythmAnalyzer(RhythmSettings.DEFAULTS), 44100, s.audio(), 1024).require(StandardResults.BEAT_GRID);
        System.err.println("RESULT accented -> " + g.beatsPerBar());
        System.clearProperty("segue.meter.debug");
    }
}
