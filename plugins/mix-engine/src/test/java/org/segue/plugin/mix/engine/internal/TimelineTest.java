package org.segue.plugin.mix.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TempoSegment;
import org.segue.api.audio.TrackTags;
import org.segue.api.mix.SetTrack;
import org.segue.api.style.RampShape;
import org.segue.api.style.TempoRamp;
import org.segue.api.style.TransitionPlan;
import org.segue.api.testkit.ResultMap;

class TimelineTest {

    static MixTrack track(String id, double bpm, double firstBeat, double duration) {
        int n = (int) ((duration - firstBeat) * bpm / 60);
        double[] beats = new double[n];
        for (int i = 0; i < n; i++) {
            beats[i] = firstBeat + i * 60 / bpm;
        }
        ResultMap r = new ResultMap(id, duration);
        r.put(StandardResults.TEMPO, new Tempo(bpm, 1));
        r.put(StandardResults.BEAT_GRID, new BeatGrid(beats, 4, 0, List.of(new TempoSegment(0, bpm))));
        return MixTrack.of(new SetTrack(id, Path.of(id + ".wav"), r, TrackTags.empty()), 0);
    }

    static TransitionPlan blend(double outCue, double inCue, int bars, double fromBpm, double toBpm) {
        return new TransitionPlan("test", outCue, inCue, bars, 4, true,
                new TempoRamp(fromBpm, toBpm, 0, bars * 4, RampShape.LINEAR), 0, List.of(), "test blend");
    }

    @Test
    void beatMatchedTransitionKeepsBothDecksOnTheSameBeats() {
        MixTrack a = track("a", 124, 0.3, 120);
        MixTrack b = track("b", 126, 0.5, 120);
        double outCue = a.grid().beat(128);
        double inCue = b.grid().beat(16);
        Timeline tl = new Timeline(List.of(a, b), List.of(blend(outCue, inCue, 16, 124, 126)));
        Timeline.Placed t = tl.transitions().get(0);
        assertEquals(outCue - 0, t.masterStart, 1e-9, "track a plays alone at speed 1 until its cue");
        for (int beat = 0; beat <= 64; beat++) {
            double m = t.masterTimeOf(beat);
            if (beat < 64) {
                assertEquals(a.grid().beat(128 + beat), tl.trackTime(0, m), 1e-4, "outgoing on beat " + beat);
            }
            assertEquals(b.grid().beat(16 + beat), tl.trackTime(1, m), 1e-4, "incoming on beat " + beat);
        }
        // 64 beats ramping 124 → 126 bpm take the integral of 60/bpm.
        double expected = 64 * 60 / (126 - 124) * Math.log(126.0 / 124);
        assertEquals(expected, t.masterEnd - t.masterStart, 1e-3);
        // After the transition b plays alone at speed 1 from where the blend left it.
        double after = t.masterEnd + 10;
        assertEquals(b.grid().beat(80) + 10, tl.trackTime(1, after), 1e-4);
        assertTrue(Double.isNaN(tl.trackTime(0, after)), "a has stopped");
        assertEquals(t.masterEnd + (120 - b.grid().beat(80)), tl.length(), 1e-4);
    }

    @Test
    void beatOfAndTimeOfAreInverses() {
        MixTrack a = track("a", 100, 0, 200);
        MixTrack b = track("b", 110, 0, 200);
        Timeline tl = new Timeline(List.of(a, b), List.of(blend(a.grid().beat(64), 0, 8, 100, 110)));
        Timeline.Placed t = tl.transitions().get(0);
        for (double beat = 0; beat < 32; beat += 0.37) {
            assertEquals(beat, t.beatAt(t.masterTimeOf(beat)), 1e-6);
        }
    }

    @Test
    void aCueBeforeThePartAlreadyPlayedMovesLaterByWholeBars() {
        MixTrack a = track("a", 120, 0, 100);
        MixTrack b = track("b", 120, 0, 100);
        MixTrack c = track("c", 120, 0, 100);
        // b enters at its 40 s mark and the blend lasts 16 bars (32 s): b has reached 72 s, but the
        // plan for b → c asks to leave b at 60 s.
        Timeline tl = new Timeline(List.of(a, b, c), List.of(blend(50, 40, 16, 120, 120), blend(60, 0, 8, 120, 120)));
        assertEquals(1, tl.adjustments().size(), tl.adjustments().toString());
        Timeline.Placed second = tl.transitions().get(1);
        double cue = tl.trackTime(1, second.masterStart);
        assertTrue(cue >= 72 - 1e-6, "moved past the part already played: " + cue);
        assertEquals(0, (cue - 60) % 2.0, 1e-6, "by whole bars (2 s at 120 bpm)");
    }
}
