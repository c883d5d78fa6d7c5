package org.segue.plugin.analyzer.rhythm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/**
 * Drum grooves of dance music, synthesised here: the bar length and tempo octave that a DJ hears
 * at once. Four-on-the-floor with a backbeat is 4/4 (the backbeat and a chord per bar say so,
 * even with hi-hats and bass on every off-beat); kick on 1 and 3 with claps on 2 and 4 at
 * downtempo speed is that slow tempo, not double, however busy the eighth-note hats.
 */
class DrumGrooveTest {

    private static final int RATE = 44100;
    /** A minor: i VI III VII, one chord per bar (MIDI notes around middle C). */
    private static final int[][] PROGRESSION = {{57, 60, 64}, {53, 57, 60}, {48, 52, 55}, {55, 59, 62}};

    @ParameterizedTest
    @ValueSource(doubles = {118, 122, 124, 127, 130})
    void fourOnTheFloorWithBackbeatIsFourFour(double bpm) {
        Groove g = new Groove(bpm, 28, 1.0);
        for (int bar = 0; bar < g.bars; bar++) {
            for (int q = 0; q < 4; q++) {
                double t = g.beat(bar, q);
                g.kick(t, 1.0);
                if (q == 1 || q == 3) {
                    g.clap(t, 0.5);
                }
                g.hat(t + g.beat / 2, 0.22);
                if (bar >= 4) {
                    g.bass(t + g.beat / 2, g.beat * 0.45, PROGRESSION[bar % 4][0] - 24, 0.3);
                }
            }
        }
        Signal s = g.withChords(8, 0.25);
        ResultMap r = analyse(s);
        Tempo tempo = r.require(StandardResults.TEMPO);
        assertEquals(bpm, tempo.bpm(), 0.02 * bpm, "tempo");
        BeatGrid grid = r.require(StandardResults.BEAT_GRID);
        assertEquals(4, grid.beatsPerBar(), "four on the floor with claps on 2 and 4 is 4/4");
    }

    @ParameterizedTest
    @ValueSource(doubles = {118, 126})
    void drumsAloneWithABackbeatAreFourFour(double bpm) {
        Groove g = new Groove(bpm, 16, 1.0);
        for (int bar = 0; bar < g.bars; bar++) {
            for (int q = 0; q < 4; q++) {
                double t = g.beat(bar, q);
                g.kick(t, 1.0);
                if (q == 1 || q == 3) {
                    g.clap(t, 0.5);
                }
                g.hat(t + g.beat / 2, 0.22);
            }
        }
        ResultMap r = analyse(g.signal());
        assertEquals(bpm, r.require(StandardResults.TEMPO).bpm(), 0.02 * bpm);
        assertEquals(4, r.require(StandardResults.BEAT_GRID).beatsPerBar());
    }

    @ParameterizedTest
    @ValueSource(doubles = {85, 88, 92, 96, 100})
    void downtempoBackbeatWithEighthHatsKeepsTheSlowTempo(double bpm) {
        Groove g = new Groove(bpm, 20, 1.0);
        for (int bar = 0; bar < g.bars; bar++) {
            for (int q = 0; q < 4; q++) {
                double t = g.beat(bar, q);
                if (q == 0 || q == 2) {
                    g.kick(t, 0.8);
                } else {
                    g.clap(t, 0.5);
                }
                g.hat(t + g.beat / 2, 0.22);
                if (bar >= 2) {
                    g.bass(t, g.beat * 0.9, PROGRESSION[bar % 4][0] - 24, 0.3);
                }
            }
        }
        Signal s = g.withChords(2, 0.25);
        ResultMap r = analyse(s);
        Tempo tempo = r.require(StandardResults.TEMPO);
        assertEquals(bpm, tempo.bpm(), 0.02 * bpm, "claps on 2 and 4 make the slow pulse the beat, not its double");
        BeatGrid grid = r.require(StandardResults.BEAT_GRID);
        assertEquals(4, grid.beatsPerBar());
    }

    @ParameterizedTest
    @ValueSource(doubles = {96, 138})
    void drummedWaltzIsStillThreeFour(double bpm) {
        // Kick on 1, hats on 2 and 3, a chord per three-beat bar: positive evidence for 3/4.
        Groove g = new Groove(bpm, 24, 3, 1.0);
        for (int bar = 0; bar < g.bars; bar++) {
            for (int q = 0; q < 3; q++) {
                double t = g.beat(bar, q);
                if (q == 0) {
                    g.kick(t, 1.0);
                    g.bass(t, g.beat * 0.9, PROGRESSION[bar % 4][0] - 24, 0.3);
                } else {
                    g.clap(t, 0.3);
                }
            }
        }
        Signal s = g.withChords(0, 0.25);
        ResultMap r = analyse(s);
        assertEquals(bpm, r.require(StandardResults.TEMPO).bpm(), 0.02 * bpm);
        assertEquals(3, r.require(StandardResults.BEAT_GRID).beatsPerBar());
    }

    /**
     * The beat is the kick, not the off-beat: house with the hi-hats louder than the kick (noise
     * rises in nearly every band, the kick in the lowest alone) and the bass also on every off-beat.
     * A tracker following the summed flux puts every beat half a beat late, on the hats.
     */
    @ParameterizedTest
    @ValueSource(doubles = {118, 121, 124, 127, 130})
    void fourOnTheFloorBeatsLandOnTheKicksNotTheOffBeatHats(double bpm) {
        Groove g = new Groove(bpm, 24, 1.0);
        for (int bar = 0; bar < g.bars; bar++) {
            for (int q = 0; q < 4; q++) {
                double t = g.beat(bar, q);
                g.kick(t, 0.5);
                if (q == 1 || q == 3) {
                    g.clap(t, 0.35);
                }
                g.hat(t + g.beat / 2, 0.8);
                g.bass(t + g.beat / 2, g.beat * 0.45, PROGRESSION[bar % 4][0] - 24, 0.2);
            }
        }
        Signal s = g.withChords(4, 0.2);
        BeatGrid grid = analyse(s).require(StandardResults.BEAT_GRID);
        double f = RhythmAnalyzerTest.fMeasure(s.beats(), grid.beats(), 0.03);
        assertTrue(f >= 0.9, "beats within 30 ms of the kicks: F = " + f);
    }

    /**
     * A breakbeat: kick on 1 and on the "and" of 2, snare on 2 and 4, hats on every eighth. The
     * kicks fall on the beat and off it equally often, so the snares' backbeat places the beat.
     */
    @ParameterizedTest
    @ValueSource(doubles = {86, 92, 98})
    void breakbeatBeatsLandOnTheBeatNotTheEighthsBetween(double bpm) {
        Groove g = new Groove(bpm, 20, 1.0);
        for (int bar = 0; bar < g.bars; bar++) {
            for (int q = 0; q < 4; q++) {
                double t = g.beat(bar, q);
                if (q == 0) {
                    g.kick(t, 0.9);
                    g.bass(t, g.beat * 0.9, PROGRESSION[bar % 4][0] - 24, 0.25);
                }
                if (q == 1) {
                    g.kick(t + g.beat / 2, 0.8);
                }
                if (q == 1 || q == 3) {
                    g.clap(t, 0.6);
                }
                g.hat(t, 0.12);
                g.hat(t + g.beat / 2, 0.15);
            }
        }
        Signal s = g.withChords(2, 0.2);
        ResultMap r = analyse(s);
        assertEquals(bpm, r.require(StandardResults.TEMPO).bpm(), 0.02 * bpm);
        double f = RhythmAnalyzerTest.fMeasure(s.beats(), r.require(StandardResults.BEAT_GRID).beats(), 0.03);
        assertTrue(f >= 0.9, "beats within 30 ms of the beat: F = " + f);
    }

    private static ResultMap analyse(Signal s) {
        return AnalyzerHarness.run(new RhythmAnalyzer(RhythmSettings.DEFAULTS), s.sampleRate(), s.audio(), 1024);
    }

    /** A mono drum and bass track being written bar by bar, with its beat and downbeat times. */
    private static final class Groove {

        final double beat;
        final int bars;
        final int beatsPerBar;
        final double start;
        final float[] x;
        final SplittableRandom random = new SplittableRandom(7);

        Groove(double bpm, int bars, double start) {
            this(bpm, bars, 4, start);
        }

        Groove(double bpm, int bars, int beatsPerBar, double start) {
            this.beat = 60 / bpm;
            this.bars = bars;
            this.beatsPerBar = beatsPerBar;
            this.start = start;
            this.x = new float[(int) ((start + bars * beatsPerBar * beat + 1) * RATE)];
        }

        double beat(int bar, int q) {
            return start + (bar * beatsPerBar + q) * beat;
        }

        /** A sine falling from 160 to 50 Hz, decaying over a fifth of a second. */
        void kick(double at, double level) {
            int from = (int) (at * RATE);
            double phase = 0;
            for (int i = 0; i < 0.3 * RATE && from + i < x.length; i++) {
                double t = i / (double) RATE;
                phase += 2 * Math.PI * (50 + 110 * Math.exp(-t / 0.025)) / RATE;
                x[from + i] += (float) (level * Math.exp(-t / 0.15) * Math.sin(phase));
            }
        }

        void clap(double at, double level) {
            noise(at, level, 0.1, 0.7);
        }

        void hat(double at, double level) {
            noise(at, level, 0.03, 0.97);
        }

        /** White noise through a one-pole high-pass (pole {@code pole}), decaying exponentially. */
        private void noise(double at, double level, double decay, double pole) {
            int from = (int) (at * RATE);
            double previousIn = 0;
            double out = 0;
            for (int i = 0; i < 5 * decay * RATE && from + i < x.length; i++) {
                double in = 2 * random.nextDouble() - 1;
                out = pole * (out + in - previousIn);
                previousIn = in;
                x[from + i] += (float) (level * Math.exp(-i / (decay * RATE)) * out);
            }
        }

        /** A note of three harmonics with 10 ms attack and release. */
        void bass(double at, double length, int midi, double level) {
            int from = (int) (at * RATE);
            int n = (int) (length * RATE);
            double f = 440 * Math.pow(2, (midi - 69) / 12.0);
            for (int i = 0; i < n && from + i < x.length; i++) {
                double t = i / (double) RATE;
                double env = Math.min(1, Math.min(t, length - t) / 0.01);
                double w = 2 * Math.PI * f * t;
                x[from + i] += (float) (level * env * (Math.sin(w) + Math.sin(2 * w) / 2 + Math.sin(3 * w) / 3));
            }
        }

        /** The drums with a chord per bar (the progression, repeated) from bar {@code fromBar} on. */
        Signal withChords(int fromBar, double amplitude) {
            int[][] chords = new int[bars - fromBar][];
            for (int b = fromBar; b < bars; b++) {
                chords[b - fromBar] = PROGRESSION[b % 4];
            }
            float[] pad = Signals.chords(RATE, beatsPerBar * beat, amplitude, chords).audio()[0];
            int offset = (int) (beat(fromBar, 0) * RATE);
            for (int i = 0; i < pad.length && offset + i < x.length; i++) {
                x[offset + i] += pad[i];
            }
            return signal();
        }

        Signal signal() {
            List<Double> beats = new ArrayList<>();
            List<Double> downbeats = new ArrayList<>();
            for (int bar = 0; bar < bars; bar++) {
                downbeats.add(beat(bar, 0));
                for (int q = 0; q < beatsPerBar; q++) {
                    beats.add(beat(bar, q));
                }
            }
            return new Signal(new float[][] {x}, RATE, beats.stream().mapToDouble(Double::doubleValue).toArray(),
                    downbeats.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
