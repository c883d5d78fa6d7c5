package org.segue.plugin.analyzer.tonal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.Chord;
import org.segue.api.analysis.ChordEvent;
import org.segue.api.analysis.ChordProgression;
import org.segue.api.analysis.ChordQuality;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.KeySegment;
import org.segue.api.analysis.KeySegments;
import org.segue.api.analysis.Mode;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.PitchClass;
import org.segue.api.analysis.StandardResults;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.BaseAnalyzerTestCase;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/** The host contract (from the testkit) plus keys, key changes and chords of signals with known notes. */
class TonalAnalyzerTest extends BaseAnalyzerTestCase {

    private static final int RATE = 44100;
    private static final MusicalKey D_MAJOR = new MusicalKey(PitchClass.D, Mode.MAJOR);

    // Chords with a bass note an octave or two under the root, as a band would play them.
    private static final int[] D = {38, 62, 66, 69};
    private static final int[] G = {43, 59, 62, 67};
    private static final int[] A = {45, 57, 61, 64};
    private static final int[] F_SHARP_MINOR = {42, 54, 57, 61};
    private static final int[] B_MINOR = {47, 59, 62, 66};
    private static final int[] C_SHARP = {49, 61, 65, 68};

    @Override
    protected Analyzer newAnalyzer() {
        return new TonalAnalyzer(TonalSettings.DEFAULTS);
    }

    private static ResultMap analyse(Signal s) {
        return AnalyzerHarness.run(new TonalAnalyzer(TonalSettings.DEFAULTS), s.sampleRate(), s.stereo().audio(), 4096);
    }

    @Test
    void oneFourFiveOneInDMajorIsDMajor() {
        Signal s = Signals.chords(RATE, 2, 0.5, D, G, A, D, D, G, A, D);
        KeyEstimate key = analyse(s).require(StandardResults.KEY);
        assertEquals(D_MAJOR, key.key());
        assertTrue(key.confidence() > 0.3, "a clear diatonic progression is confident: " + key.confidence());
    }

    @Test
    void oneFourFiveOneInFSharpMinorIsFSharpMinor() {
        Signal s = Signals.chords(RATE, 2, 0.5, F_SHARP_MINOR, B_MINOR, C_SHARP, F_SHARP_MINOR,
                F_SHARP_MINOR, B_MINOR, C_SHARP, F_SHARP_MINOR);
        assertEquals(new MusicalKey(PitchClass.F_SHARP, Mode.MINOR), analyse(s).require(StandardResults.KEY).key());
    }

    @Test
    void chordLabelsAndBoundariesIncludingSeventhsDiminishedSus4AndSilence() {
        int[][] notes = {
            {48, 60, 64, 67}, // C
            {43, 55, 59, 62, 65}, // G7
            {45, 57, 60, 64}, // Am
            {47, 59, 62, 65}, // Bdim
            {}, // silence
            {50, 62, 67, 69}, // Dsus4
            {41, 57, 60, 65}, // F (first inversion voicing above an F bass)
        };
        Chord[] truth = {
            new Chord(PitchClass.C, ChordQuality.MAJOR),
            new Chord(PitchClass.G, ChordQuality.DOMINANT_7),
            new Chord(PitchClass.A, ChordQuality.MINOR),
            new Chord(PitchClass.B, ChordQuality.DIMINISHED),
            null,
            new Chord(PitchClass.D, ChordQuality.SUS4),
            new Chord(PitchClass.F, ChordQuality.MAJOR),
        };
        double each = 2;
        ChordProgression chords = analyse(Signals.chords(RATE, each, 0.5, notes)).require(StandardResults.CHORDS);
        for (int i = 0; i < truth.length; i++) {
            double middle = (i + 0.5) * each;
            assertEquals(Optional.ofNullable(truth[i]), at(chords, middle).chordIfAny(), "chord at " + middle + " s in " + chords);
        }
        // Every true boundary has a reported boundary within 0.25 s, and no other boundary exists.
        List<Double> starts = new ArrayList<>();
        for (ChordEvent e : chords.events()) {
            if (e.startSeconds() > 0) {
                starts.add(e.startSeconds());
            }
        }
        assertEquals(truth.length - 1, starts.size(), "one event per chord: " + chords);
        for (int i = 1; i < truth.length; i++) {
            double boundary = i * each;
            assertTrue(starts.stream().anyMatch(t -> Math.abs(t - boundary) <= 0.25),
                    "a chord change within 0.25 s of " + boundary + " s: " + starts);
        }
        ChordEvent last = chords.events().get(chords.events().size() - 1);
        assertEquals(truth.length * each, last.endSeconds(), 1e-6, "the events cover the track");
    }

    @Test
    void modulationIsAKeyChangeNearItsTime() {
        // Twenty seconds of C major (I-IV-V-I), then twenty of E major.
        int[] c = {36, 60, 64, 67};
        int[] f = {41, 57, 60, 65};
        int[] g = {43, 55, 59, 62};
        int[] e = {40, 64, 68, 71};
        int[] a = {45, 57, 61, 64};
        int[] b = {47, 59, 63, 66};
        Signal s = Signals.chords(RATE, 2.5, 0.5, c, f, g, c, c, f, g, c, e, a, b, e, e, a, b, e);
        ResultMap results = analyse(s);
        List<KeySegment> segments = results.require(StandardResults.KEY_CHANGES).segments();
        assertEquals(2, segments.size(), "one key change: " + segments);
        assertEquals(new MusicalKey(PitchClass.C, Mode.MAJOR), segments.get(0).key());
        assertEquals(new MusicalKey(PitchClass.E, Mode.MAJOR), segments.get(1).key());
        assertEquals(20, segments.get(1).startSeconds(), 2.5, "the change is near 20 s");
    }

    @Test
    void oneKeyThroughoutIsOneSegment() {
        Signal s = Signals.chords(RATE, 2, 0.5, D, G, A, D, D, G, A, D, D, G, A, D);
        KeySegments segments = analyse(s).require(StandardResults.KEY_CHANGES);
        assertEquals(List.of(new KeySegment(0, D_MAJOR)), segments.segments());
    }

    @Test
    void tuningTwentyFiveCentsSharpOrFlatStillFindsTheKeyAndChords() {
        for (double cents : new double[] {25, -28}) {
            Signal s = TuningSignals.chords(RATE, 2, cents, D, G, A, D, G, A, D);
            ResultMap results = analyse(s);
            assertEquals(D_MAJOR, results.require(StandardResults.KEY).key(), cents + " cents");
            ChordProgression chords = results.require(StandardResults.CHORDS);
            assertEquals(Optional.of(new Chord(PitchClass.G, ChordQuality.MAJOR)), at(chords, 3).chordIfAny(),
                    cents + " cents: " + chords);
            assertEquals(Optional.of(new Chord(PitchClass.A, ChordQuality.MAJOR)), at(chords, 5).chordIfAny(),
                    cents + " cents: " + chords);
        }
    }

    @Test
    void partialResultsGiveTheKeyAfterAFewSeconds() {
        Signal s = Signals.chords(RATE, 1, 0.5, D, G, A, D, D, G, A, D, D, G, A, D);
        List<ResultMap> partials = AnalyzerHarness.partials();
        AnalyzerHarness.run(newAnalyzer(), RATE, s.audio(), 1024, 1.0, partials);
        assertFalse(partials.isEmpty());
        for (ResultMap partial : partials) {
            if (partial.durationSeconds() >= 4.5) {
                Optional<KeyEstimate> key = partial.get(StandardResults.KEY);
                assertTrue(key.isPresent(), "a key after " + partial.durationSeconds() + " s");
                assertEquals(D_MAJOR, key.get().key(), "after " + partial.durationSeconds() + " s");
            }
        }
    }

    @Test
    void silenceHasNoKeyAndNoChords() {
        ResultMap results = AnalyzerHarness.run(newAnalyzer(), RATE, new float[2][RATE * 5], 4096);
        assertTrue(results.get(StandardResults.KEY).isEmpty());
        ChordProgression chords = results.require(StandardResults.CHORDS);
        assertNotNull(chords);
        assertTrue(chords.events().stream().noneMatch(ChordEvent::hasChord), chords.toString());
    }

    @Test
    void otherSampleRatesGiveTheSameKeyAndChords() {
        for (int rate : new int[] {22050, 48000, 96000}) {
            Signal s = Signals.chords(rate, 2, 0.5, D, G, A, D, G, A, D);
            ResultMap results = AnalyzerHarness.run(newAnalyzer(), rate, s.audio(), 2048);
            assertEquals(D_MAJOR, results.require(StandardResults.KEY).key(), rate + " Hz");
            assertEquals(Optional.of(new Chord(PitchClass.A, ChordQuality.MAJOR)),
                    at(results.require(StandardResults.CHORDS), 5).chordIfAny(), rate + " Hz");
        }
    }

    private static ChordEvent at(ChordProgression chords, double seconds) {
        for (ChordEvent e : chords.events()) {
            if (e.startSeconds() <= seconds && seconds < e.endSeconds()) {
                return e;
            }
        }
        throw new AssertionError("no event at " + seconds + " s in " + chords);
    }
}
