package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.SegmentLabel;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.Deck;
import org.segue.api.style.TransitionPlan;

class DnbDoubleDropTest {

    private final Synth out = Synth.dnb("out", 172).build();
    private final Synth in = Synth.dnb("in", 174).build();

    /** The master beat at which a deck reaches a position of its track (constant-tempo synthetic tracks). */
    private static double masterBeat(Synth track, double cueSeconds, double position) {
        return (position - cueSeconds) / track.secondsPerBeat();
    }

    /** Both drops on the same master beat, to the millisecond at the ramp's end tempo, and on the plan's drop. */
    private static void assertDropsAligned(TransitionPlan plan, Synth out, int outDropBar, Synth in, int inDropBar) {
        double outBeat = masterBeat(out, plan.outgoingCueSeconds(), out.downbeat(outDropBar));
        double inBeat = masterBeat(in, plan.incomingCueSeconds(), in.downbeat(inDropBar));
        double secondsPerMasterBeat = 60 / plan.tempoRamp().toBpm();
        assertEquals(outBeat, inBeat, PlanChecks.MS / secondsPerMasterBeat, "drops on different master beats");
        assertEquals(plan.lengthBeats() / 2.0, outBeat, 1e-6, "the drop is halfway");
    }

    @Test
    void bothFirstDropsLandOnTheSameMasterBeat() {
        TransitionPlan plan = Styles.doubleDrop().plan(Styles.request(out, in));

        PlanChecks.assertValid(plan, DnbDoubleDrop.ID, out, in);
        assertEquals(16, plan.lengthBars());
        assertDropsAligned(plan, out, 32, in, 32);
        assertEquals(24, PlanChecks.assertOnPhrase(out, plan.outgoingCueSeconds(), "outgoing cue"));
        assertEquals(24, PlanChecks.assertOnPhrase(in, plan.incomingCueSeconds(), "incoming cue"));
    }

    @Test
    void dropsAtDifferentBarsStillMeet() {
        Synth lateDrop = Synth.track("out", 172, 128).section(SegmentLabel.INTRO, 0, 48, 0.4)
                .section(SegmentLabel.DROP, 48, 112, 0.95).section(SegmentLabel.OUTRO, 112, 128, 0.4).build();
        TransitionPlan plan = Styles.doubleDrop().plan(Styles.request(lateDrop, in));
        assertDropsAligned(plan, lateDrop, 48, in, 32);
        assertEquals(40, PlanChecks.assertOnPhrase(lateDrop, plan.outgoingCueSeconds(), "outgoing cue"));
        assertEquals(24, PlanChecks.assertOnPhrase(in, plan.incomingCueSeconds(), "incoming cue"));
    }

    @Test
    void theBiggestEnergyRiseStandsInForAMissingDropLabel() {
        Synth unlabelled = Synth.dnb("in", 174).noStructure().clearSections()
                .section(SegmentLabel.INTRO, 0, 40, 0.35).section(SegmentLabel.DROP, 40, 104, 0.9)
                .section(SegmentLabel.OUTRO, 104, 128, 0.4).build();
        TransitionPlan plan = Styles.doubleDrop().plan(Styles.request(out, unlabelled));
        assertDropsAligned(plan, out, 32, unlabelled, 40);
        assertTrue(plan.explanation().contains("energy rise"), plan.explanation());
    }

    @Test
    void anEarlyIncomingDropGivesADocumentedLeadIn() {
        Synth early = Synth.track("in", 174, 96).section(SegmentLabel.INTRO, 0, 4, 0.4)
                .section(SegmentLabel.DROP, 4, 80, 0.95).section(SegmentLabel.OUTRO, 80, 96, 0.4).build();
        TransitionPlan plan = Styles.doubleDrop().plan(Styles.request(out, early));
        // 8 bars before a drop on bar 4: the incoming's cue is 4 bars before its first downbeat.
        assertEquals(-4, PlanChecks.assertOnDownbeat(early, plan.incomingCueSeconds(), "incoming cue"));
        assertTrue(plan.incomingCueSeconds() < 0, "a negative cue: the deck plays silence first");
        assertDropsAligned(plan, out, 32, early, 4);
        assertTrue(plan.explanation().contains("starts 4 bars into the mix"), plan.explanation());
    }

    @Test
    void theBassesSwapOnTheDropAndTheOutgoingFades() {
        TransitionPlan plan = Styles.doubleDrop().plan(Styles.request(out, in));
        double drop = plan.lengthBeats() / 2.0;
        AutomationLane inLow = PlanChecks.lane(plan, Deck.INCOMING, StandardEffects.EQ3, StandardEffects.EQ3_LOW);
        AutomationLane outLow = PlanChecks.lane(plan, Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_LOW);
        AutomationLane outVolume = PlanChecks.lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME);

        assertEquals(-26, inLow.valueAt(drop - 0.5));
        assertEquals(0, inLow.valueAt(drop), 1e-9);
        assertEquals(-26, outLow.valueAt(drop), 1e-9);
        PlanChecks.assertBassNeverDoubled(plan);
        assertEquals(1, outVolume.valueAt(drop + 4), 1e-9, "both play together after the drop");
        assertEquals(1, outVolume.valueAt(plan.lengthBeats() - 16), 1e-9, "fade over the last 4 bars only");
        assertTrue(outVolume.valueAt(plan.lengthBeats() - 4) < 0.5);
    }

    @Test
    void tempoRampsToTheIncomingByTheDrop() {
        TransitionPlan plan = Styles.doubleDrop().plan(Styles.request(out, in));
        assertEquals(172, plan.tempoRamp().fromBpm(), 1e-9);
        assertEquals(174, plan.tempoRamp().toBpm(), 1e-9);
        assertEquals(plan.lengthBeats() / 2.0, plan.tempoRamp().endBeat(), 1e-9);
    }

    @Test
    void eightBarsWhenRequestedOrConfigured() {
        TransitionPlan requested = Styles.doubleDrop().plan(Styles.request(out, in, 8, 174));
        assertEquals(8, requested.lengthBars());
        assertDropsAligned(requested, out, 32, in, 32);
        DnbDoubleDrop lastDrop = new DnbDoubleDrop(Configs.with(DnbDoubleDrop.Config.class,
                Map.of("lastOutgoingDrop", true)));
        TransitionPlan late = lastDrop.plan(Styles.request(out, in));
        assertDropsAligned(late, out, 80, in, 32);
    }

    @Test
    void refusesTracksWithoutDrops() {
        Synth flat = Synth.track("in", 174, 128).section(SegmentLabel.VERSE, 0, 128, 0.6).build();
        assertThrows(IllegalArgumentException.class, () -> Styles.doubleDrop().plan(Styles.request(out, flat)));
    }
}
