package org.segue.sample.analyzer.danceability.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/**
 * Danceability on synthesised click trains whose steadiness we control: a drum machine, the same
 * beat played with a human's timing jitter and with a sloppy one, and noise with no beat at all. The
 * scores must come out in that order, with room between them.
 */
class DanceabilityTest {

    private static final int RATE = 44100;
    private static final double SECONDS = 30;

    /** Runs the analyzer the way Segue does (blocks of 4096 frames) and returns its result. */
    private static Danceability analyse(float[] mono) {
        ResultMap results = AnalyzerHarness.run(new DanceabilityAnalyzer(), RATE, new float[][] {mono}, 4096);
        return results.require(Danceability.KEY);
    }

    /**
     * Clicks at {@code bpm} whose every time is moved by a random amount, normally distributed with
     * standard deviation {@code jitterSeconds} (0 for a drum machine), reproducible from the seed.
     */
    static float[] jitteredClicks(double bpm, double jitterSeconds, long seed) {
        float[] x = new float[(int) (SECONDS * RATE)];
        SplittableRandom random = new SplittableRandom(seed);
        for (double beat = 0.5; beat < SECONDS - 0.5; beat += 60 / bpm) {
            double t = beat + jitterSeconds * gaussian(random);
            int start = (int) Math.round(t * RATE);
            for (int i = 0; i < 0.03 * RATE && start + i < x.length; i++) {
                // A short 1 kHz burst decaying in 6 ms: a clave, a rim shot.
                x[start + i] += (float) (0.6 * Math.exp(-i / (0.006 * RATE)) * Math.sin(2 * Math.PI * 1000 * i / RATE));
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: two uniform numbers make one normal one.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void steadyBeatsBeatJitteredBeatsBeatNoise() {
        Danceability steady = analyse(jitteredClicks(120, 0, 1));
        Danceability human = analyse(jitteredClicks(120, 0.012, 2));
        Danceability sloppy = analyse(jitteredClicks(120, 0.05, 3));
        Danceability noise = analyse(Signals.noise(RATE, SECONDS, 0.3, 4).audio()[0]);
        String all = "steady " + steady + "\nhuman " + human + "\nsloppy " + sloppy + "\nnoise " + noise;

        assertTrue(steady.score() >= 0.8, "a drum machine is very danceable\n" + all);
        assertTrue(steady.score() > human.score() && human.score() > sloppy.score() && sloppy.score() > noise.score(),
                "ordered by steadiness\n" + all);
        assertTrue(steady.score() - sloppy.score() >= 0.3, "sloppy timing costs a lot\n" + all);
        assertTrue(sloppy.score() - noise.score() >= 0.1, "a sloppy beat is still a beat\n" + all);
        assertTrue(noise.score() <= 0.15, "noise has no pulse\n" + all);
    }

    @Test
    void theTempoOfASteadyBeatIsFound() {
        for (double bpm : new double[] {95, 120, 128, 174 / 2.0, 140}) {
            Danceability d = analyse(jitteredClicks(bpm, 0, 5));
            assertEquals(bpm, d.bpm(), bpm * 0.02, "tempo of " + bpm + " bpm clicks: " + d);
        }
    }

    @Test
    void musicWithABeatIsMoreDanceableThanTheSameMusicWithout() {
        Signal chord = Signals.chord(RATE, SECONDS, 0.4, 57, 60, 64);
        Signal withBeat = Signals.mix(chord, Signals.clicks(RATE, SECONDS, 124, 4, 0.5));
        Danceability beat = analyse(withBeat.audio()[0]);
        Danceability held = analyse(chord.audio()[0]);
        // The chord's partials beat against each other and drown the softer clicks now and then, so
        // the clicked chord scores well below bare clicks; the held chord alone has no pulse at all.
        assertTrue(beat.score() >= 0.3 && held.score() <= 0.1, "with beat " + beat + ", held chord " + held);
        assertEquals(124, beat.bpm(), 124 * 0.02, "the clicks' tempo: " + beat);
    }

    @Test
    void silenceIsNotDanceableAndTooShortIsUnknown() {
        assertEquals(Danceability.NONE, analyse(new float[(int) (10 * RATE)]));
        ResultMap shortClip = AnalyzerHarness.run(new DanceabilityAnalyzer(), RATE, new float[][] {jitteredClicks(120, 0, 6)
                .clone()}, 4096);
        assertTrue(shortClip.get(Danceability.KEY).isPresent(), "30 s is long enough");
        float[] twoSeconds = java.util.Arrays.copyOf(jitteredClicks(120, 0, 6), 2 * RATE);
        assertNull(AnalyzerHarness.run(new DanceabilityAnalyzer(), RATE, new float[][] {twoSeconds}, 4096)
                .get(Danceability.KEY).orElse(null), "two seconds hold too few beats to judge");
    }

    @Test
    void stereoIsAnalysedAsItsMonoMix() {
        float[] clicks = jitteredClicks(120, 0, 7);
        Danceability mono = analyse(clicks);
        ResultMap stereo = AnalyzerHarness.run(new DanceabilityAnalyzer(), RATE, new float[][] {clicks, clicks.clone()}, 1000);
        assertEquals(mono.score(), stereo.require(Danceability.KEY).score(), 1e-6);
    }
}
