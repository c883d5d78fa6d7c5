package org.segue.plugin.analyzer.timbre.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Structure;
import org.segue.api.analysis.StructureSegment;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.BaseAnalyzerTestCase;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

class TimbreAnalyzerTest extends BaseAnalyzerTestCase {

    private static final int RATE = 44_100;

    @Override
    protected Analyzer newAnalyzer() {
        return new TimbreAnalyzer();
    }

    private static ResultMap analyse(Signal s) {
        return AnalyzerHarness.run(new TimbreAnalyzer(), s.sampleRate(), s.audio(), 4096);
    }

    private static Signal scaled(Signal s, double gain) {
        float[][] audio = new float[s.audio().length][];
        for (int c = 0; c < audio.length; c++) {
            audio[c] = s.audio()[c].clone();
            for (int i = 0; i < audio[c].length; i++) {
                audio[c][i] *= (float) gain;
            }
        }
        return new Signal(audio, s.sampleRate(), s.beats(), s.downbeats());
    }

    private static Signal concat(Signal... parts) {
        int n = 0;
        for (Signal p : parts) {
            n += p.audio()[0].length;
        }
        float[] x = new float[n];
        int at = 0;
        for (Signal p : parts) {
            System.arraycopy(p.audio()[0], 0, x, at, p.audio()[0].length);
            at += p.audio()[0].length;
        }
        return new Signal(new float[][] {x}, parts[0].sampleRate(), new double[0], new double[0]);
    }

    /** 20 s of a soft pad, 30 s of a loud beat with bass, chord and hats, 20 s of the soft pad. */
    static Signal quietLoudQuiet() {
        Signal quiet = Signals.chord(RATE, 20, 0.04, 57, 60, 64);
        Signal loud = Signals.mix(Signals.mix(Signals.clicks(RATE, 30, 128, 4, 0.1),
                Signals.chord(RATE, 30, 0.35, 33, 45, 57, 60, 64)), Signals.noise(RATE, 30, 0.08, 1));
        return concat(quiet, loud, Signals.chord(RATE, 20, 0.04, 57, 60, 64));
    }

    @Test
    void energyAndStructureFollowQuietLoudQuiet() {
        ResultMap r = analyse(quietLoudQuiet());
        FeatureCurve energy = r.require(StandardResults.ENERGY);
        FeatureCurve relative = r.require(TimbreAnalyzer.ENERGY_RELATIVE);
        assertEquals(0.5, energy.hopSeconds());
        for (double t : new double[] {5, 15, 60, 67}) {
            assertTrue(energy.valueAt(t) + 0.3 < energy.valueAt(35), "quiet at " + t + " s: " + energy.valueAt(t));
            assertTrue(relative.valueAt(t) < 0.2, "relative quiet at " + t + " s");
        }
        assertTrue(relative.valueAt(25) > 0.9 && relative.valueAt(45) > 0.9, "relative loud part near 1");

        List<StructureSegment> segments = r.require(StandardResults.STRUCTURE).segments();
        String shape = segments.stream().map(s -> s.label() + "@" + s.startSeconds()).collect(Collectors.joining(" "));
        assertEquals(3, segments.size(), shape);
        assertEquals(SegmentLabel.INTRO, segments.get(0).label(), shape);
        assertTrue(segments.get(1).label() == SegmentLabel.DROP || segments.get(1).label() == SegmentLabel.CHORUS, shape);
        assertEquals(SegmentLabel.OUTRO, segments.get(2).label(), shape);
        assertEquals(20, segments.get(1).startSeconds(), 2, shape);
        assertEquals(50, segments.get(2).startSeconds(), 2, shape);
        assertEquals(70, segments.get(2).endSeconds(), 0.01, shape);
        assertTrue(segments.get(1).energy() > segments.get(0).energy() + 0.3, shape);
    }

    @Test
    void aBuildBreakdownAndSecondDropAreNamed() {
        // intro, a rising build, a drop, a breakdown (pad only), another drop, an outro.
        Signal pad = Signals.chord(RATE, 16, 0.05, 57, 60, 64);
        Signal build = scaledRamp(Signals.mix(Signals.clicks(RATE, 16, 128, 4, 0.1), Signals.noise(RATE, 16, 0.3, 3)));
        Signal drop = Signals.mix(Signals.mix(Signals.clicks(RATE, 24, 128, 4, 0.1),
                Signals.chord(RATE, 24, 0.35, 33, 45, 57, 60, 64)), Signals.noise(RATE, 24, 0.08, 1));
        Structure s = analyse(concat(pad, build, drop, Signals.chord(RATE, 16, 0.05, 53, 57, 60), drop, pad))
                .require(StandardResults.STRUCTURE);
        List<SegmentLabel> labels = s.segments().stream().map(StructureSegment::label).toList();
        assertEquals(List.of(SegmentLabel.INTRO, SegmentLabel.BUILD, SegmentLabel.DROP, SegmentLabel.BREAKDOWN,
                SegmentLabel.DROP, SegmentLabel.OUTRO), labels, s.toString());
    }

    /** The signal faded in linearly from -30 dB to 0 dB over its length. */
    private static Signal scaledRamp(Signal s) {
        float[] x = s.audio()[0].clone();
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) Math.pow(10, (-30 + 30.0 * i / x.length) / 20);
        }
        return new Signal(new float[][] {x}, s.sampleRate(), s.beats(), s.downbeats());
    }

    @Test
    void theSameSoundGivesTheSameVectorsWhateverTheBlockSize() {
        Signal s = typicalSignal().stereo();
        ResultMap a = AnalyzerHarness.run(new TimbreAnalyzer(), s.sampleRate(), s.audio(), 256);
        ResultMap b = AnalyzerHarness.run(new TimbreAnalyzer(), s.sampleRate(), s.audio(), 8192);
        assertEquals(a.require(StandardResults.EMBEDDING), b.require(StandardResults.EMBEDDING));
        assertEquals(a.require(StandardResults.TIMBRE), b.require(StandardResults.TIMBRE));
        assertEquals(a.require(StandardResults.ENERGY), b.require(StandardResults.ENERGY));
        assertEquals(48, a.require(StandardResults.EMBEDDING).dimension());
        assertEquals(26, a.require(StandardResults.TIMBRE).dimension());
        assertEquals(1, norm(a.require(StandardResults.EMBEDDING)), 1e-5);
    }

    @Test
    void sineNoiseAndChordAreFarApartAndTonesCloserToEachOtherThanToNoise() {
        Embedding sine = analyse(Signals.sine(RATE, 10, 440, 0.5)).require(StandardResults.EMBEDDING);
        Embedding noise = analyse(Signals.noise(RATE, 10, 0.5, 9)).require(StandardResults.EMBEDDING);
        Embedding chord = analyse(Signals.chord(RATE, 10, 0.5, 57, 60, 64)).require(StandardResults.EMBEDDING);
        double sineChord = cosineDistance(sine, chord);
        double sineNoise = cosineDistance(sine, noise);
        double chordNoise = cosineDistance(chord, noise);
        String d = "sine-chord " + sineChord + ", sine-noise " + sineNoise + ", chord-noise " + chordNoise;
        assertTrue(sineChord > 0.1, "a sine and a chord differ: " + d);
        assertTrue(sineChord < sineNoise && sineChord < chordNoise, "tones are nearer each other than noise: " + d);
        assertTrue(sineNoise > 0.5 && chordNoise > 0.5, "noise is far from tones: " + d);
    }

    @Test
    void sixDecibelsQuieterLeavesTheEmbeddingAlmostUnchanged() {
        Signal s = quietLoudQuiet();
        Embedding full = analyse(s).require(StandardResults.EMBEDDING);
        Embedding quieter = analyse(scaled(s, 0.5)).require(StandardResults.EMBEDDING);
        assertTrue(1 - cosineDistance(full, quieter) >= 0.98, "cosine " + (1 - cosineDistance(full, quieter)));
        Embedding typical = analyse(typicalSignal()).require(StandardResults.EMBEDDING);
        Embedding typicalQuieter = analyse(scaled(typicalSignal(), 0.5)).require(StandardResults.EMBEDDING);
        assertTrue(1 - cosineDistance(typical, typicalQuieter) >= 0.98);
    }

    @Test
    void bandCurvesPutEachToneInItsBand() {
        assertBand(60, TimbreAnalyzer.BANDS_LOW);
        assertBand(1000, TimbreAnalyzer.BANDS_MID);
        assertBand(8000, TimbreAnalyzer.BANDS_HIGH);
    }

    private static void assertBand(double hz, ResultKey<FeatureCurve> expected) {
        ResultMap r = analyse(Signals.sine(48_000, 6, hz, 0.5).stereo());
        double in = r.require(expected).valueAt(3);
        // A 0.5-amplitude sine has RMS 0.354; all of it belongs in its band.
        assertEquals(0.354, in, 0.02, hz + " Hz in " + expected.name());
        for (ResultKey<FeatureCurve> other : List.of(TimbreAnalyzer.BANDS_LOW, TimbreAnalyzer.BANDS_MID,
                TimbreAnalyzer.BANDS_HIGH)) {
            if (other != expected) {
                assertTrue(r.require(other).valueAt(3) < in / 10, hz + " Hz leaks into " + other.name());
            }
        }
    }

    @Test
    void aDenseLoudClickTrackIsMoreArousingThanASoftTone() {
        Mood clicks = analyse(Signals.clicks(RATE, 20, 480, 4, 0)).require(StandardResults.MOOD);
        Mood tone = analyse(Signals.chord(RATE, 20, 0.05, 60, 64, 67)).require(StandardResults.MOOD);
        assertTrue(clicks.arousal() > tone.arousal() + 0.3, "clicks " + clicks + " vs tone " + tone);
    }

    @Test
    void spectralCurvesDescribeTheSound() {
        ResultMap sine = analyse(Signals.sine(RATE, 6, 1000, 0.5));
        ResultMap noise = analyse(Signals.noise(RATE, 6, 0.5, 4));
        assertEquals(1000, sine.require(TimbreAnalyzer.CENTROID).valueAt(3), 100);
        assertEquals(1.0, sine.require(TimbreAnalyzer.CENTROID).hopSeconds());
        assertTrue(sine.require(TimbreAnalyzer.FLATNESS).valueAt(3) < 0.1);
        assertTrue(noise.require(TimbreAnalyzer.FLATNESS).valueAt(3) > 0.5);
        assertTrue(noise.require(TimbreAnalyzer.CENTROID).valueAt(3) > 4000);
        assertTrue(noise.require(TimbreAnalyzer.ROLLOFF).valueAt(3) > 8000);
    }

    @Test
    void componentDeclaresTheKeysItPublishes() throws IOException {
        String xml;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/" + TimbreAnalyzer.class.getName() + ".xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains(TimbreAnalyzer.ID), xml);
        ResultMap r = analyse(typicalSignal());
        for (ResultKey<?> key : r.keys()) {
            assertTrue(xml.contains(key.name() + "\n") || xml.contains(key.name() + "<"), key.name() + " in " + xml);
        }
        assertEquals(13, r.keys().size(), r.keys().toString());
    }

    @Test
    void unusualRatesAndChannelCountsWork() {
        for (int rate : new int[] {1000, 8000, 11_025, 32_000, 192_000}) {
            Signal s = Signals.mix(Signals.clicks(rate, 6, 120, 4, 0.5), Signals.noise(rate, 6, 0.1, 2));
            float[] x = s.audio()[0];
            ResultMap r = AnalyzerHarness.run(new TimbreAnalyzer(), rate, new float[][] {x, x, x, x, x, x}, 1000);
            assertEquals(48, r.require(StandardResults.EMBEDDING).dimension(), rate + " Hz");
            assertTrue(r.require(StandardResults.ENERGY).valueAt(3) > 0.2, rate + " Hz");
        }
    }

    @Test
    void embeddingConstantsCoverEveryDimension() {
        assertEquals(TimbreEmbedding.DIMENSIONS, TimbreEmbedding.CENTRE.length);
        assertEquals(TimbreEmbedding.DIMENSIONS, TimbreEmbedding.SCALE.length);
        for (float scale : TimbreEmbedding.SCALE) {
            assertTrue(scale > 0);
        }
    }

    static double norm(Embedding e) {
        double s = 0;
        for (int i = 0; i < e.dimension(); i++) {
            s += e.get(i) * e.get(i);
        }
        return Math.sqrt(s);
    }

    static double cosineDistance(Embedding a, Embedding b) {
        double dot = 0;
        for (int i = 0; i < a.dimension(); i++) {
            dot += a.get(i) * b.get(i);
        }
        return 1 - dot / (norm(a) * norm(b));
    }
}
