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

class HouseBlendTest {

    private final Synth out = Synth.house("out", 124).build();
    private final Synth in = Synth.house("in", 126).build();

    @Test
    void blendsOverTheOutroAndIntroOnPhraseBoundaries() {
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(out, in));

        PlanChecks.assertValid(plan, HouseBlend.ID, out, in);
        assertTrue(plan.beatMatched());
        assertEquals(32, plan.lengthBars(), "both outro and intro have 32 bars");
        assertEquals(4, plan.beatsPerBar());
        assertEquals(144, PlanChecks.assertOnPhrase(out, plan.outgoingCueSeconds(), "outgoing cue"), "outro start");
        assertEquals(0, PlanChecks.assertOnPhrase(in, plan.incomingCueSeconds(), "incoming cue"), "intro top");
    }

    @Test
    void tempoRampsFromTheOutgoingToTheIncomingAcrossTheBlend() {
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(out, in));

        assertEquals(124, plan.tempoRamp().fromBpm(), 1e-9);
        assertEquals(126, plan.tempoRamp().toBpm(), 1e-9);
        assertEquals(0, plan.tempoRamp().startBeat());
        assertEquals(plan.lengthBeats(), plan.tempoRamp().endBeat(), 1e-9);
        double midway = plan.tempoRamp().bpmAt(plan.lengthBeats() / 2.0);
        assertTrue(midway > 124 && midway < 126, "ramping: " + midway);
    }

    @Test
    void theBassesSwapAtThePhraseMidpointAndNeverDouble() {
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(out, in));
        double mid = plan.lengthBeats() / 2.0;
        AutomationLane outLow = PlanChecks.lane(plan, Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_LOW);
        AutomationLane inLow = PlanChecks.lane(plan, Deck.INCOMING, StandardEffects.EQ3, StandardEffects.EQ3_LOW);

        assertEquals(-26, inLow.valueAt(0), "incoming comes in with its bass killed");
        assertEquals(-26, inLow.valueAt(mid - 0.25));
        assertEquals(0, outLow.valueAt(mid - 0.25));
        assertEquals(0, inLow.valueAt(mid), 1e-9, "incoming bass restored on the midpoint downbeat");
        assertEquals(-26, outLow.valueAt(mid), 1e-9, "outgoing bass killed on the midpoint downbeat");
        assertEquals(-26, outLow.valueAt(plan.lengthBeats()), 1e-9);
        PlanChecks.assertBassNeverDoubled(plan);
        // The midpoint of the blend is itself a phrase boundary in both tracks.
        PlanChecks.assertOnPhrase(out, PlanChecks.positionAt(out, plan.outgoingCueSeconds(), mid), "swap in outgoing");
        PlanChecks.assertOnPhrase(in, PlanChecks.positionAt(in, plan.incomingCueSeconds(), mid), "swap in incoming");
    }

    @Test
    void theOutgoingHoldsUntilTheSwapThenFades() {
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(out, in));
        AutomationLane volume = PlanChecks.lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME);
        assertEquals(1, volume.valueAt(plan.lengthBeats() / 2.0), 1e-9);
        assertTrue(volume.valueAt(plan.lengthBeats() * 0.75) < 1);
        assertEquals(1, PlanChecks.lane(plan, Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME)
                .valueAt(plan.lengthBeats() / 2.0), 1e-9, "incoming up before the swap");
    }

    @Test
    void aLongIntroIsCuedSoItEndsAsTheBlendDoes() {
        Synth longIntro = Synth.track("in", 126, 176).section(SegmentLabel.INTRO, 0, 48, 0.4)
                .section(SegmentLabel.DROP, 48, 144, 0.9).section(SegmentLabel.OUTRO, 144, 176, 0.4).build();
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(out, longIntro));
        assertEquals(32, plan.lengthBars());
        assertEquals(16, PlanChecks.assertOnPhrase(longIntro, plan.incomingCueSeconds(), "incoming cue"));
    }

    @Test
    void aShortOutroShortensTheBlendToSixteenBars() {
        Synth shortOutro = Synth.track("out", 124, 160).pickup(1).section(SegmentLabel.INTRO, 0, 32, 0.4)
                .section(SegmentLabel.DROP, 32, 144, 0.9).section(SegmentLabel.OUTRO, 144, 160, 0.4).build();
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(shortOutro, in));
        PlanChecks.assertValid(plan, HouseBlend.ID, shortOutro, in);
        assertEquals(16, plan.lengthBars());
        assertEquals(144, PlanChecks.assertOnPhrase(shortOutro, plan.outgoingCueSeconds(), "outgoing cue"));
        assertTrue(plan.explanation().contains("shorter than 32 bars"), plan.explanation());
    }

    @Test
    void anOutroOffThePhraseGridIsCuedOnThePhraseBeforeIt() {
        // A pickup beat shifts the bars; the outro starts 2 bars after a phrase boundary.
        Synth offGrid = Synth.track("out", 124, 176).pickup(1).section(SegmentLabel.INTRO, 0, 32, 0.4)
                .section(SegmentLabel.DROP, 32, 138, 0.9).section(SegmentLabel.OUTRO, 138, 176, 0.4).build();
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(offGrid, in));
        assertEquals(136, PlanChecks.assertOnPhrase(offGrid, plan.outgoingCueSeconds(), "outgoing cue"));
        assertTrue(plan.explanation().contains("before its outro"), plan.explanation());
    }

    @Test
    void withoutStructureTheBlendUsesTheLastPhraseThatFits() {
        Synth plain = Synth.track("out", 124, 170).noStructure().section(SegmentLabel.DROP, 0, 170, 0.8).build();
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(plain, in));
        // 170 bars: the last start leaving 32 bars is 138, floored to the phrase at 136.
        assertEquals(136, PlanChecks.assertOnPhrase(plain, plan.outgoingCueSeconds(), "outgoing cue"));
        PlanChecks.assertValid(plan, HouseBlend.ID, plain, in);
    }

    @Test
    void aRequestedLengthIsRoundedToAHouseLength() {
        TransitionPlan plan = Styles.houseBlend().plan(Styles.request(out, in, 20, 126));
        assertEquals(16, plan.lengthBars());
        assertTrue(plan.explanation().contains("requested 20 bars"), plan.explanation());
    }

    @Test
    void theSetsTargetTempoWinsWhenTheIncomingCanReachIt() {
        assertEquals(127, Styles.houseBlend().plan(Styles.request(out, in, null, 127)).tempoRamp().toBpm(), 1e-9);
        assertEquals(126, Styles.houseBlend().plan(Styles.request(out, in, null, 150)).tempoRamp().toBpm(), 1e-9);
    }

    @Test
    void holdingTheTempoIsConfigurable() {
        HouseBlend holding = new HouseBlend(Configs.with(HouseBlend.Config.class,
                Map.of("rampTempo", false, "lengthBars", 16)));
        TransitionPlan plan = holding.plan(Styles.request(out, in));
        assertEquals(124, plan.tempoRamp().toBpm(), 1e-9);
        assertEquals(16, plan.lengthBars());
        assertTrue(plan.explanation().contains("holds at 124.0 bpm"), plan.explanation());
    }

    @Test
    void refusesTracksWithoutAGrid() {
        Synth gridless = Synth.house("in", 126).noGrid().build();
        assertThrows(IllegalArgumentException.class, () -> Styles.houseBlend().plan(Styles.request(out, gridless)));
    }
}
