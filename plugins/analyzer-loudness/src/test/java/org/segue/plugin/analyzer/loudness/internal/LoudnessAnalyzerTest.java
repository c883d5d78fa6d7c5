package org.segue.plugin.analyzer.loudness.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.StandardResults;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.BaseAnalyzerTestCase;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/**
 * Known-answer cases in the manner of EBU Tech 3341 (loudness, true peak) and Tech 3342 (loudness
 * range), synthesised here. Tolerances are the ones those documents give a compliant meter.
 */
class LoudnessAnalyzerTest extends BaseAnalyzerTestCase {

    @Override
    protected Analyzer newAnalyzer() {
        return new LoudnessAnalyzer();
    }

    /** A stereo 1 kHz sine whose level changes section by section: {seconds, dBFS peak per channel}... */
    static float[][] steppedSine(int rate, double... secondsAndDb) {
        int total = 0;
        for (int i = 0; i < secondsAndDb.length; i += 2) {
            total += (int) Math.round(secondsAndDb[i] * rate);
        }
        float[] x = new float[total];
        int at = 0;
        for (int i = 0; i < secondsAndDb.length; i += 2) {
            int n = (int) Math.round(secondsAndDb[i] * rate);
            double amplitude = Math.pow(10, secondsAndDb[i + 1] / 20);
            for (int j = 0; j < n; j++, at++) {
                x[at] = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * at / rate));
            }
        }
        return new float[][] {x, x.clone()};
    }

    private static Loudness measure(int rate, float[][] audio) {
        return AnalyzerHarness.run(new LoudnessAnalyzer(), rate, audio, 4096).require(StandardResults.LOUDNESS);
    }

    @Test
    void sineAtMinus23DbfsPerChannelReadsMinus23Lufs() {
        // Tech 3341 case 1: with K-weighting's +0.691 dB at 1 kHz cancelled by the formula's
        // -0.691, two channels of mean square A^2/2 sum to A^2: the loudness is 20 log10 A.
        Loudness l = measure(48_000, steppedSine(48_000, 20, -23));
        assertEquals(-23.0, l.integratedLufs(), 0.1);
        assertEquals(-23.0, l.truePeakDbtp(), 0.1);
    }

    @Test
    void sineAtMinus33DbfsReadsMinus33Lufs() {
        assertEquals(-33.0, measure(48_000, steppedSine(48_000, 20, -33)).integratedLufs(), 0.1);
    }

    @Test
    void quietSectionsAreGatedOut() {
        // Tech 3341 case 4, at half length: -72, -36, -23, -36, -72 dBFS for 5, 5, 30, 5, 5 s.
        // The -72 dB blocks (-72 LUFS) fall under the absolute gate. The mean of the rest,
        // (10 s * 10^-3.6 + 30 s * 10^-2.3) / 40 s, is -24.2 LUFS, so the relative gate sits at
        // -34.2 and drops the -36 sections too: only the -23 section counts.
        float[][] audio = steppedSine(48_000, 5, -72, 5, -36, 30, -23, 5, -36, 5, -72);
        assertEquals(-23.0, measure(48_000, audio).integratedLufs(), 0.1);
        // Without the relative gate it would read -24.2; the gate is what makes the answer -23.
    }

    @Test
    void sampleRateDoesNotChangeTheAnswer() {
        Signal at48 = musicLike(48_000);
        Signal at44 = musicLike(44_100);
        Loudness a = measure(48_000, at48.audio());
        Loudness b = measure(44_100, at44.audio());
        assertEquals(a.integratedLufs(), b.integratedLufs(), 0.1);
        assertEquals(a.rangeLu(), b.rangeLu(), 0.3);
    }

    private static Signal musicLike(int rate) {
        Signal beat = Signals.mix(Signals.clicks(rate, 20, 124, 4, 0.2), Signals.chord(rate, 20, 0.3, 45, 57, 60, 64));
        return Signals.mix(beat, Signals.noise(rate, 20, 0.05, 11)).stereo();
    }

    @Test
    void truePeakFindsTheInterSamplePeak() {
        // A full-scale-sample sine at fs/4 sampled 45 degrees off its crests: every sample is at
        // +-1.0 (0 dBFS sample peak) while the crests between them reach sqrt(2): +3.01 dBTP.
        // Faded in and out: an abrupt start is a step, whose overshoot a true-peak meter rightly sees.
        int rate = 48_000;
        float[] x = TruePeakMeterTest.quarterRateSine(rate * 5, Math.sqrt(2));
        Loudness l = measure(rate, new float[][] {x, x.clone()});
        assertEquals(20 * Math.log10(Math.sqrt(2)), l.truePeakDbtp(), 0.05);
        // At 44.1 kHz a 0 dBFS-sample-peak sine at 1/6 of fs sampled 30 degrees off its crests
        // has samples of at most cos(30 deg): a crest of 1 / cos(30 deg) = +1.25 dBTP.
        int r = 44_100;
        float[] y = new float[r * 5];
        double amplitude = 1 / Math.cos(Math.PI / 6);
        for (int i = 0; i < y.length; i++) {
            double fade = Math.min(1, Math.min(i, y.length - 1 - i) / 1000.0);
            y[i] = (float) (fade * amplitude * Math.sin(Math.PI / 3 * i + Math.PI / 2 + Math.PI / 6));
        }
        Loudness m = measure(r, new float[][] {y});
        assertEquals(20 * Math.log10(amplitude), m.truePeakDbtp(), 0.1);
    }

    @Test
    void loudnessRangeOfTwoPlateausTenLuApart() {
        // Tech 3342 case 1: 20 s at -20 LUFS then 20 s at -30 LUFS: LRA 10 +- 1.
        Loudness l = measure(48_000, steppedSine(48_000, 20, -20, 20, -30));
        assertEquals(10, l.rangeLu(), 1);
        // Case 3: -40 and -20: LRA 20 +- 1 (the -40 windows are 20 LU down, just inside the gate).
        assertEquals(20, measure(48_000, steppedSine(48_000, 20, -40, 20, -20)).rangeLu(), 1);
        // A steady tone has no range.
        assertEquals(0, measure(44_100, steppedSine(44_100, 20, -20)).rangeLu(), 0.1);
    }

    @Test
    void shortTermCurveFollowsThePlateaus() {
        ResultMap r = AnalyzerHarness.run(new LoudnessAnalyzer(), 48_000, steppedSine(48_000, 20, -20, 20, -30), 1000);
        FeatureCurve curve = r.require(LoudnessAnalyzer.SHORT_TERM);
        assertEquals(0.5, curve.hopSeconds());
        assertEquals(-20, curve.valueAt(8), 0.1);
        assertEquals(-30, curve.valueAt(32), 0.1);
    }

    @Test
    void partialResultsReportTheLoudnessSoFar() {
        List<ResultMap> partials = AnalyzerHarness.partials();
        AnalyzerHarness.run(new LoudnessAnalyzer(), 44_100, steppedSine(44_100, 10, -20, 10, -30), 2048, 5, partials);
        Loudness at10 = partials.get(1).require(StandardResults.LOUDNESS);
        assertEquals(-20, at10.integratedLufs(), 0.1);
    }

    @Test
    void unusualRatesGiveFiniteAnswers() {
        for (int rate : new int[] {1, 1000, 8000, 11_025, 192_000}) {
            Signal s = Signals.noise(rate, 6, 0.3, rate);
            Loudness l = measure(rate, s.stereo().audio());
            assertTrue(l.truePeakDbtp() > -11 && l.truePeakDbtp() < 3, rate + " Hz: " + l);
            assertTrue(rate < 8000 || Math.abs(l.integratedLufs() + 13) < 6, rate + " Hz: " + l);
        }
    }

    @Test
    void silenceIsMinusInfinity() {
        Loudness l = measure(44_100, new float[2][44_100 * 5]);
        assertEquals(Double.NEGATIVE_INFINITY, l.integratedLufs());
        assertEquals(Double.NEGATIVE_INFINITY, l.truePeakDbtp());
        assertEquals(0, l.rangeLu());
    }

    @Test
    void lfeIsLeftOutAndSurroundsWeighMore() {
        int rate = 48_000;
        float[] tone = steppedSine(rate, 10, -23)[0];
        float[] silence = new float[tone.length];
        float[][] onlyLfe = {silence, silence, silence, tone, silence, silence};
        assertEquals(Double.NEGATIVE_INFINITY, measure(rate, onlyLfe).integratedLufs());
        float[][] onlyLeftSurround = {silence, silence, silence, silence, tone, silence};
        assertEquals(-23 - 3.01 + 1.49, measure(rate, onlyLeftSurround).integratedLufs(), 0.1);
    }

    @Test
    void componentDeclaresTheKeysItPublishes() throws IOException {
        String xml;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/" + LoudnessAnalyzer.class.getName() + ".xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains(LoudnessAnalyzer.ID), xml);
        assertTrue(xml.contains(StandardResults.LOUDNESS.name() + "\n"), xml);
        assertTrue(xml.contains(LoudnessAnalyzer.SHORT_TERM.name() + "<"), xml);
    }
}
