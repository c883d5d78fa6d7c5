package org.segue.sample.style.reverbwash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.Deck;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;
import org.segue.api.testkit.SyntheticTrack;

/**
 * The reverb wash's own rules, checked against the made-up tracks' arithmetic: where it cues, when
 * the incoming track comes in, that the two basses never play together, and how suitability falls
 * with the tempo difference.
 */
class ReverbWashStyleTest {

    private final ReverbWashStyle style = new ReverbWashStyle(8, 6, 0.7);

    private TransitionPlan plan(SyntheticTrack out, SyntheticTrack in, Integer bars) {
        return style.plan(new TransitionRequest(out.results(), in.results(), bars, in.bpm()));
    }

    private static AutomationLane lane(TransitionPlan plan, Deck deck, String effect, String parameter) {
        return plan.lanes().stream()
                .filter(l -> l.deck() == deck && l.effectId().equals(effect) && l.parameterId().equals(parameter))
                .findFirst().orElseThrow(() -> new AssertionError("no lane " + deck + " " + effect + " " + parameter));
    }

    @Test
    void cuesTheLastEightBarsOfTheOutgoingAndTheFirstDownbeatOfTheIncoming() {
        // 64 bars at 120 bpm after a one-beat pickup: beats every 0.5 s from 0, downbeats from 0.5 s.
        SyntheticTrack out = SyntheticTrack.of("out", 120, 64).pickupBeats(1);
        SyntheticTrack in = SyntheticTrack.of("in", 120, 64).offset(2.0).pickupBeats(2);
        TransitionPlan plan = plan(out, in, null);
        assertEquals(8, plan.lengthBars());
        // The last beat is number 256 (1 + 64 * 4 - 1); 8 bars (32 beats) before it is beat 224,
        // which is not a downbeat (224 - 1 = 223 is not a multiple of 4); the one before, 221, is.
        assertEquals(out.beatTime(221), plan.outgoingCueSeconds(), 1e-9);
        assertTrue(out.isDownbeatTime(plan.outgoingCueSeconds(), 1e-6));
        // The incoming's first downbeat: 2 s of silence, then two pickup beats of 0.5 s.
        assertEquals(3.0, plan.incomingCueSeconds(), 1e-9);
    }

    @Test
    void theIncomingDropsInOnTheHalfwayDownbeatAfterTheOutgoingBassHasGone() {
        TransitionPlan plan = plan(SyntheticTrack.of("out", 126, 96), SyntheticTrack.of("in", 126, 96), 8);
        int half = 16; // 4 bars of 4 beats
        AutomationLane inFader = lane(plan, Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME);
        AutomationLane outBass = lane(plan, Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_LOW);
        AutomationLane outFader = lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME);
        AutomationLane wash = lane(plan, Deck.OUTGOING, StandardEffects.REVERB, StandardEffects.REVERB_MIX);
        assertEquals(0, inFader.valueAt(half - 0.01), 0, "silent until the drop");
        assertEquals(1, inFader.valueAt(half), 0, "in at full volume on the drop");
        assertEquals(-26, outBass.valueAt(half), 0, "the outgoing bass is gone by the drop");
        assertEquals(1, outFader.valueAt(half), 0, "the outgoing is still up at the drop");
        assertEquals(0, outFader.valueAt(plan.lengthBeats()), 0, "and gone at the end");
        double previous = -1;
        for (double beat = 0; beat <= half; beat += 0.5) {
            assertTrue(wash.valueAt(beat) >= previous, "the reverb only grows while the wash builds");
            previous = wash.valueAt(beat);
        }
        assertEquals(0.7, wash.valueAt(half), 1e-9, "the configured wetness");
        assertTrue(plan.explanation().startsWith("8-bar reverb wash"), plan.explanation());
    }

    @Test
    void suitabilityFallsWithTheTempoDifferenceToZeroAtTheLimit() {
        SyntheticTrack out = SyntheticTrack.of("out", 125, 64);
        double same = style.suitability(out.results(), SyntheticTrack.of("in", 125, 64).results());
        double near = style.suitability(out.results(), SyntheticTrack.of("in", 128, 64).results());
        double far = style.suitability(out.results(), SyntheticTrack.of("in", 140, 64).results());
        assertEquals(ReverbWashStyle.BEST_SUITABILITY, same, 1e-9);
        assertEquals(ReverbWashStyle.BEST_SUITABILITY * (1 - 2.4 / 6), near, 1e-9, "2.4 % apart of at most 6 %");
        assertEquals(0, far, "12 % apart");
        assertEquals(0, style.suitability(out.results(), SyntheticTrack.of("in", 125, 64).withoutBeatGrid().results()));
        assertEquals(0, style.suitability(out.results(), SyntheticTrack.of("in", 125, 64).beatsPerBar(3).results()));
    }

    @Test
    void aPreferredLengthIsHonouredWithinTwoToThirtyTwoBars() {
        SyntheticTrack out = SyntheticTrack.of("out", 124, 128);
        SyntheticTrack in = SyntheticTrack.of("in", 124, 128);
        assertEquals(16, plan(out, in, 16).lengthBars());
        TransitionPlan shortest = plan(out, in, 1);
        assertEquals(2, shortest.lengthBars());
        assertTrue(shortest.explanation().contains("1 bars asked for"), shortest.explanation());
    }

    @Test
    void tooShortTracksAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan(SyntheticTrack.of("out", 124, 4), SyntheticTrack.of("in", 124, 64), null));
        assertTrue(e.getMessage().contains("outgoing track is shorter than 8 bars"), e.getMessage());
    }

    @Test
    void aBadConfigurationNamesTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReverbWashStyle(1, 6, 0.7));
        assertTrue(e.getMessage().contains("lengthBars"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReverbWashStyle(8, 6, 0));
        assertTrue(e.getMessage().contains("wetness"), e.getMessage());
    }
}
