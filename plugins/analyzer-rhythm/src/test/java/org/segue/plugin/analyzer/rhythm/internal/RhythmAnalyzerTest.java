package org.segue.plugin.analyzer.rhythm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.BaseAnalyzerTestCase;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/** The host contract (inherited) and accuracy on signals whose rhythm is known exactly. */
class RhythmAnalyzerTest extends BaseAnalyzerTestCase {

    private static final int RATE = 44100;

    @Override
    protected Analyzer newAnalyzer() {
        return new RhythmAnalyzer(RhythmSettings.DEFAULTS);
    }

    private ResultMap analyse(Signal s) {
        return AnalyzerHarness.run(newAnalyzer(), s.sampleRate(), s.audio(), 1024);
    }

    @ParameterizedTest
    @ValueSource(doubles = {70, 100, 128, 174})
    void clickTracksGiveTheirTempoAndBeats(double bpm) {
        Signal s = Signals.clicks(RATE, 20, bpm, 4, 0.5);
        ResultMap r = analyse(s);
        Tempo tempo = r.require(StandardResults.TEMPO);
        assertEquals(bpm, tempo.bpm(), 0.02 * bpm, "tempo, not its half or double");
        BeatGrid grid = r.require(StandardResults.BEAT_GRID);
        assertTrue(fMeasure(s.beats(), grid.beats(), 0.02) >= 0.95,
                "beats within 20 ms: F = " + fMeasure(s.beats(), grid.beats(), 0.02));
        assertEquals(1, grid.segments().size(), "a steady tempo is one segment");
        assertEquals(bpm, grid.tempoAt(10), 0.02 * bpm);
    }

    @Test
    void fourFourClicksGiveFourBeatsPerBarAndTheirDownbeats() {
        Signal s = Signals.clicks(RATE, 20, 110, 4, 0.7);
        BeatGrid grid = analyse(s).require(StandardResults.BEAT_GRID);
        assertEquals(4, grid.beatsPerBar());
        assertTrue(fMeasure(s.downbeats(), downbeats(grid), 0.02) >= 0.9,
                "downbeats F = " + fMeasure(s.downbeats(), downbeats(grid), 0.02));
    }

    @Test
    void waltzClicksGiveThreeBeatsPerBarAndTheirDownbeats() {
        Signal s = Signals.clicks(RATE, 24, 120, 3, 0.5);
        BeatGrid grid = analyse(s).require(StandardResults.BEAT_GRID);
        assertEquals(3, grid.beatsPerBar());
        assertTrue(fMeasure(s.downbeats(), downbeats(grid), 0.02) >= 0.9,
                "downbeats F = " + fMeasure(s.downbeats(), downbeats(grid), 0.02));
    }

    @Test
    void segmentsFollowATempoStep() {
        Signal s = Signals.clickRamp(RATE, 40, 100, 108, 20, 20, 4, 0.5);
        ResultMap r = analyse(s);
        BeatGrid grid = r.require(StandardResults.BEAT_GRID);
        assertTrue(grid.segments().size() >= 2, "a step makes a new segment: " + grid.segments());
        assertEquals(100, grid.tempoAt(8), 0.04 * 100);
        assertEquals(108, grid.tempoAt(32), 0.04 * 108);
        assertTrue(fMeasure(s.beats(), grid.beats(), 0.02) >= 0.95);
    }

    @Test
    void segmentsFollowATempoRamp() {
        Signal s = Signals.clickRamp(RATE, 48, 120, 132, 16, 32, 4, 0.5);
        BeatGrid grid = analyse(s).require(StandardResults.BEAT_GRID);
        assertEquals(120, grid.tempoAt(8), 0.04 * 120);
        assertEquals(126, grid.tempoAt(24), 0.04 * 126);
        assertEquals(132, grid.tempoAt(42), 0.04 * 132);
        assertTrue(fMeasure(s.beats(), grid.beats(), 0.02) >= 0.95);
    }

    @Test
    void partialResultsGiveTheTempoAfterEightSeconds() {
        Signal s = Signals.mix(Signals.clicks(RATE, 20, 128, 4, 0.3), Signals.chord(RATE, 20, 0.2, 57, 60, 64));
        List<ResultMap> partials = AnalyzerHarness.partials();
        AnalyzerHarness.run(newAnalyzer(), RATE, s.audio(), 1024, 2, partials);
        ResultMap atEight = partials.get(3);
        assertEquals(8, atEight.durationSeconds(), 0.1);
        assertEquals(128, atEight.require(StandardResults.TEMPO).bpm(), 0.02 * 128);
        BeatGrid grid = atEight.require(StandardResults.BEAT_GRID);
        assertTrue(grid.beatCount() >= 12, "the beats so far: " + grid.beatCount());
        assertTrue(grid.beat(grid.beatCount() - 1) <= 8.05, "no beat after the audio seen so far");
    }

    @Test
    void partialResultsOnALongStreamKeepEveryBeatSoFar() {
        // A 10 s live window makes the later partial results re-analyse only the recent audio.
        RhythmAnalyzer analyzer = new RhythmAnalyzer(new RhythmSettings(60, 200, 10));
        Signal s = Signals.clicks(RATE, 40, 100, 4, 0.5);
        List<ResultMap> partials = AnalyzerHarness.partials();
        AnalyzerHarness.run(analyzer, RATE, s.audio(), 2048, 1, partials);
        ResultMap last = partials.get(partials.size() - 1);
        assertEquals(100, last.require(StandardResults.TEMPO).bpm(), 2);
        BeatGrid grid = last.require(StandardResults.BEAT_GRID);
        double[] truth = java.util.Arrays.stream(s.beats()).filter(t -> t < last.durationSeconds() - 0.3).toArray();
        assertTrue(fMeasure(truth, grid.beats(), 0.03) >= 0.95,
                "stitched beats F = " + fMeasure(truth, grid.beats(), 0.03));
    }

    @ParameterizedTest
    @ValueSource(ints = {22050, 48000, 96000})
    void otherSampleRatesAndStereoGiveTheSameTempo(int rate) {
        Signal s = Signals.clicks(rate, 16, 125, 4, 0.4).stereo();
        ResultMap r = AnalyzerHarness.run(newAnalyzer(), rate, s.audio(), 4096);
        assertEquals(125, r.require(StandardResults.TEMPO).bpm(), 0.02 * 125);
        assertTrue(fMeasure(s.beats(), r.require(StandardResults.BEAT_GRID).beats(), 0.02) >= 0.95);
    }

    @Test
    void onsetStrengthPeaksAtTheClicksAndIsNormalised() {
        Signal s = Signals.clicks(RATE, 10, 90, 4, 0.5);
        FeatureCurve curve = analyse(s).require(StandardResults.ONSET_STRENGTH);
        float max = 0;
        for (int i = 0; i < curve.size(); i++) {
            assertTrue(curve.value(i) >= 0);
            max = Math.max(max, curve.value(i));
        }
        assertEquals(1f, max, 1e-6);
        double between = 0;
        double at = 0;
        for (double beat : s.beats()) {
            at += peak(curve, beat - 0.02, beat + 0.04);
            between += peak(curve, beat + 0.25, beat + 0.45);
        }
        assertTrue(at > 5 * between, "onsets at the clicks, little between: " + at + " vs " + between);
    }

    @Test
    void silenceHasNoTempo() {
        ResultMap r = AnalyzerHarness.run(newAnalyzer(), RATE, new float[1][RATE * 10], 1024);
        assertFalse(r.get(StandardResults.TEMPO).isPresent());
        assertFalse(r.get(StandardResults.BEAT_GRID).isPresent());
    }

    private static double peak(FeatureCurve curve, double from, double to) {
        double best = 0;
        for (double t = from; t <= to; t += curve.hopSeconds() / 2) {
            best = Math.max(best, curve.valueAt(t));
        }
        return best;
    }

    private static double[] downbeats(BeatGrid grid) {
        return java.util.stream.IntStream.range(0, grid.beatCount()).filter(grid::isDownbeat)
                .mapToDouble(grid::beat).toArray();
    }

    /** MIREX-style F-measure: each reference matched at most once within ±{@code window} s. */
    static double fMeasure(double[] reference, double[] estimate, double window) {
        if (reference.length == 0 || estimate.length == 0) {
            return reference.length == estimate.length ? 1 : 0;
        }
        boolean[] used = new boolean[estimate.length];
        int hits = 0;
        for (double r : reference) {
            for (int j = 0; j < estimate.length; j++) {
                if (!used[j] && Math.abs(estimate[j] - r) <= window) {
                    used[j] = true;
                    hits++;
                    break;
                }
            }
        }
        double precision = hits / (double) estimate.length;
        double recall = hits / (double) reference.length;
        return hits == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
