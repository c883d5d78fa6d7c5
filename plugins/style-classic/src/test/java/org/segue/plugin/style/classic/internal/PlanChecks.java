package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.AutomationPoint;
import org.segue.api.style.Deck;
import org.segue.api.style.TransitionPlan;

/** Assertions every plan must pass, checked against the synthetic tracks' own arithmetic. */
final class PlanChecks {

    /** The tolerance for positions in seconds. */
    static final double MS = 0.001;
    static final int PHRASE = 8;

    /**
     * Each automatable parameter's documented range ({@link StandardEffects}, {@link AutomationLane}).
     * A lane on anything else fails: the engine would skip it.
     */
    private static final Map<String, double[]> RANGES = Map.ofEntries(
            Map.entry(AutomationLane.MIXER + " " + AutomationLane.VOLUME, new double[] {0, 1}),
            Map.entry(StandardEffects.EQ3 + " " + StandardEffects.EQ3_LOW, new double[] {-26, 6}),
            Map.entry(StandardEffects.EQ3 + " " + StandardEffects.EQ3_MID, new double[] {-26, 6}),
            Map.entry(StandardEffects.EQ3 + " " + StandardEffects.EQ3_HIGH, new double[] {-26, 6}),
            Map.entry(StandardEffects.FILTER + " " + StandardEffects.FILTER_SWEEP, new double[] {-1, 1}),
            Map.entry(StandardEffects.FILTER + " " + StandardEffects.FILTER_RESONANCE, new double[] {0, 1}),
            Map.entry(StandardEffects.ECHO + " " + StandardEffects.ECHO_BEATS, new double[] {0.125, 4}),
            Map.entry(StandardEffects.ECHO + " " + StandardEffects.ECHO_FEEDBACK, new double[] {0, 0.95}),
            Map.entry(StandardEffects.ECHO + " " + StandardEffects.ECHO_MIX, new double[] {0, 1}),
            Map.entry(StandardEffects.REVERB + " " + StandardEffects.REVERB_SIZE, new double[] {0, 1}),
            Map.entry(StandardEffects.REVERB + " " + StandardEffects.REVERB_DAMPING, new double[] {0, 1}),
            Map.entry(StandardEffects.REVERB + " " + StandardEffects.REVERB_MIX, new double[] {0, 1}));

    private PlanChecks() {
    }

    /** The time is a downbeat of the track: a whole number of bars from its first downbeat, ±1 ms. */
    static long assertOnDownbeat(Synth track, double seconds, String what) {
        double bar = track.bar(seconds);
        long whole = Math.round(bar);
        assertEquals(0, (bar - whole) * track.barSeconds(), MS, what + " at " + seconds + " s is not on a downbeat");
        return whole;
    }

    /** The time is a phrase boundary: a multiple of 8 bars from the first downbeat, ±1 ms. */
    static long assertOnPhrase(Synth track, double seconds, String what) {
        long bar = assertOnDownbeat(track, seconds, what);
        assertEquals(0, Math.floorMod(bar, PHRASE), what + " is on bar " + bar + ", not a phrase boundary");
        return bar;
    }

    /** Where a deck is at a master beat of a beat-matched plan (constant-tempo synthetic tracks). */
    static double positionAt(Synth track, double cueSeconds, double beat) {
        return cueSeconds + beat * track.secondsPerBeat();
    }

    /** Outgoing cue + length within the outgoing; the incoming has the length after its cue. */
    static void assertFits(TransitionPlan plan, Synth out, Synth in) {
        double outSeconds = plan.beatMatched() ? plan.lengthBeats() * out.secondsPerBeat()
                : plan.lengthBeats() * 60 / plan.tempoRamp().fromBpm();
        double inSeconds = plan.beatMatched() ? plan.lengthBeats() * in.secondsPerBeat() : outSeconds;
        assertTrue(plan.outgoingCueSeconds() >= 0);
        assertTrue(plan.outgoingCueSeconds() + outSeconds <= out.duration() + MS,
                "outgoing runs past its end: " + plan.outgoingCueSeconds() + " + " + outSeconds + " > " + out.duration());
        assertTrue(plan.incomingCueSeconds() + inSeconds <= in.duration() + MS, "incoming too short after its cue");
    }

    /** Every lane names a known parameter and stays inside its range at every point and in between. */
    static void assertRanges(TransitionPlan plan) {
        for (AutomationLane lane : plan.lanes()) {
            double[] range = RANGES.get(lane.effectId() + " " + lane.parameterId());
            assertNotNull(range, "unknown parameter " + lane.effectId() + " " + lane.parameterId());
            for (AutomationPoint p : lane.points()) {
                assertTrue(p.beat() <= plan.lengthBeats(), "point past the end");
                assertInRange(lane, range, p.value(), p.beat());
            }
            for (double beat = 0; beat <= plan.lengthBeats(); beat += 1.0 / 16) {
                assertInRange(lane, range, lane.valueAt(beat), beat);
            }
        }
    }

    private static void assertInRange(AutomationLane lane, double[] range, double value, double beat) {
        assertTrue(value >= range[0] - 1e-9 && value <= range[1] + 1e-9, () -> lane.deck() + " " + lane.effectId() + " "
                + lane.parameterId() + " = " + value + " at beat " + beat + " outside " + range[0] + ".." + range[1]);
    }

    /** The outgoing fader reaches 0 by the end and the incoming's 1. */
    static void assertVolumesEnd(TransitionPlan plan) {
        assertEquals(0, lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME)
                .valueAt(plan.lengthBeats()), 1e-9, "outgoing fader open at the end");
        assertEquals(1, lane(plan, Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME)
                .valueAt(plan.lengthBeats()), 1e-9, "incoming fader not fully up at the end");
    }

    /** Sampled every 1/64 beat, the two lows are never both above -6 dB. */
    static void assertBassNeverDoubled(TransitionPlan plan) {
        AutomationLane out = lane(plan, Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_LOW);
        AutomationLane in = lane(plan, Deck.INCOMING, StandardEffects.EQ3, StandardEffects.EQ3_LOW);
        for (double beat = 0; beat <= plan.lengthBeats(); beat += 1.0 / 64) {
            double at = beat;
            assertFalse(out.valueAt(beat) > -6 && in.valueAt(beat) > -6, () -> "both basses up at beat " + at);
        }
    }

    /** The explanation names both cue positions and the length. */
    static void assertExplained(TransitionPlan plan) {
        String text = plan.explanation();
        assertTrue(text.contains(plan.lengthBars() + "-bar"), "length missing: " + text);
        assertTrue(text.contains(Words.time(plan.outgoingCueSeconds())), "outgoing cue missing: " + text);
        assertTrue(text.contains(Words.time(plan.incomingCueSeconds())), "incoming cue missing: " + text);
    }

    static AutomationLane lane(TransitionPlan plan, Deck deck, String effect, String parameter) {
        return plan.lanes().stream()
                .filter(l -> l.deck() == deck && l.effectId().equals(effect) && l.parameterId().equals(parameter))
                .findFirst()
                .orElseGet(() -> fail("no lane " + deck + " " + effect + " " + parameter + " in " + targets(plan)));
    }

    /** What a plan automates: deck, effect and parameter of each lane. */
    static Set<List<Object>> targets(TransitionPlan plan) {
        return plan.lanes().stream().map(l -> List.<Object>of(l.deck(), l.effectId(), l.parameterId()))
                .collect(Collectors.toSet());
    }

    /** All the checks that hold for every plan of every style. */
    static void assertValid(TransitionPlan plan, String styleId, Synth out, Synth in) {
        assertEquals(styleId, plan.styleId());
        assertEquals(0, plan.incomingPitchShiftSemitones(), "pitch is the set planner's business");
        assertFits(plan, out, in);
        assertRanges(plan);
        assertVolumesEnd(plan);
        assertExplained(plan);
    }
}
