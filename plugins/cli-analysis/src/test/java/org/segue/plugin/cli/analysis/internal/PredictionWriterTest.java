package org.segue.plugin.cli.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.Chord;
import org.segue.api.analysis.ChordEvent;
import org.segue.api.analysis.ChordQuality;
import org.segue.api.analysis.PitchClass;
import org.segue.api.analysis.TempoSegment;

class PredictionWriterTest {

    @Test
    void beatsAreNumberedInTheBarFromTheFirstDownbeat() {
        BeatGrid grid = new BeatGrid(new double[] {0.5, 1.0, 1.5, 2.0, 2.5}, 3, 1, List.of(new TempoSegment(0, 120)));
        assertEquals("0.5000\t3\n1.0000\t1\n1.5000\t2\n2.0000\t3\n2.5000\t1\n", PredictionWriter.beats(grid));
    }

    @Test
    void tempoSegmentsEndWhereTheNextBeginsAndTheLastAtTheEnd() {
        assertEquals("0.0000\t10.0000\t120.0000\n10.0000\t30.0000\t126.0000\n",
                PredictionWriter.tempo(List.of(new TempoSegment(0, 120), new TempoSegment(10, 126)), 30));
    }

    @Test
    void chordsUseHarteLabels() {
        assertEquals("C#:min7", PredictionWriter.harte(new Chord(PitchClass.C_SHARP, ChordQuality.MINOR_7)));
        assertEquals("0.0000\t1.0000\tG:7\n1.0000\t2.0000\tN\n", PredictionWriter.chords(List.of(
                new ChordEvent(0, 1, new Chord(PitchClass.G, ChordQuality.DOMINANT_7)), ChordEvent.noChord(1, 2))));
        // Every quality maps to a label the reference scorer reads as major or minor.
        for (ChordQuality q : ChordQuality.values()) {
            String label = PredictionWriter.harte(new Chord(PitchClass.A, q));
            assertEquals(q == ChordQuality.MINOR || q == ChordQuality.MINOR_7 ? "9:min" : "9:maj",
                    EvalScorer.parseChord(label), label);
        }
    }
}
