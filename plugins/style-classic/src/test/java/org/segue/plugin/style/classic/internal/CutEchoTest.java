package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.Deck;
import org.segue.api.style.TransitionPlan;

class CutEchoTest {

    private final Synth out = Synth.hipHop("out", 90).build();
    private final Synth in = Synth.hipHop("in", 94).build();

    @Test
    void echoesOutAndCutsOnAPhraseBoundaryWhereTheIncomingSlamsIn() {
        TransitionPlan plan = Styles.cutEcho().plan(Styles.request(out, in));
        PlanChecks.assertValid(plan, CutEcho.ID, out, in);
        assertEquals(2, plan.lengthBars());
        double cut = 4;

        // Cues on downbeats one bar ahead of the cut; the cut itself on phrase boundaries of both tracks.
        assertEquals(55, PlanChecks.assertOnDownbeat(out, plan.outgoingCueSeconds(), "outgoing cue"));
        assertEquals(7, PlanChecks.assertOnDownbeat(in, plan.incomingCueSeconds(), "incoming cue"));
        assertEquals(56, PlanChecks.assertOnPhrase(out, PlanChecks.positionAt(out, plan.outgoingCueSeconds(), cut),
                "cut"), "the outro starts on bar 56");
        assertEquals(8, PlanChecks.assertOnPhrase(in, PlanChecks.positionAt(in, plan.incomingCueSeconds(), cut),
                "slam"), "the intro ends on bar 8");

        AutomationLane outVolume = PlanChecks.lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME);
        AutomationLane inVolume = PlanChecks.lane(plan, Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME);
        assertEquals(1, outVolume.valueAt(cut - 0.01), 1e-9, "outgoing at full level until the bar line");
        assertEquals(0, outVolume.valueAt(cut), 1e-9, "outgoing cut on the bar line");
        assertEquals(0, inVolume.valueAt(cut - 0.01), 1e-9, "incoming silent before the downbeat");
        assertEquals(1, inVolume.valueAt(cut), 1e-9, "incoming slammed in at full level");
    }

    @Test
    void theEchoOpensAndItsFeedbackClimbsBeforeTheCut() {
        TransitionPlan plan = Styles.cutEcho().plan(Styles.request(out, in));
        AutomationLane mix = PlanChecks.lane(plan, Deck.OUTGOING, StandardEffects.ECHO, StandardEffects.ECHO_MIX);
        AutomationLane feedback = PlanChecks.lane(plan, Deck.OUTGOING, StandardEffects.ECHO,
                StandardEffects.ECHO_FEEDBACK);
        assertEquals(0, mix.valueAt(0), 1e-9, "dry at the start");
        assertTrue(mix.valueAt(4) >= 0.5, "wet by the cut");
        assertTrue(feedback.valueAt(4) > feedback.valueAt(0), "feedback up");
        assertEquals(1, PlanChecks.lane(plan, Deck.OUTGOING, StandardEffects.ECHO, StandardEffects.ECHO_BEATS)
                .valueAt(0), 1e-9);
    }

    @Test
    void theTempoSwitchesInOneStepAtTheCut() {
        TransitionPlan plan = Styles.cutEcho().plan(Styles.request(out, in));
        assertTrue(plan.beatMatched());
        assertEquals(90, plan.tempoRamp().fromBpm(), 1e-9);
        assertEquals(94, plan.tempoRamp().toBpm(), 1e-9);
        assertEquals(90, plan.tempoRamp().bpmAt(3.99), 1e-9);
        assertEquals(94, plan.tempoRamp().bpmAt(4.01), 1e-9);
    }

    @Test
    void toleratesTempiFarApart() {
        Synth house = Synth.house("in", 128).build();
        TransitionPlan plan = Styles.cutEcho().plan(Styles.request(out, house));
        PlanChecks.assertValid(plan, CutEcho.ID, out, house);
        assertEquals(32, PlanChecks.assertOnPhrase(house, PlanChecks.positionAt(house, plan.incomingCueSeconds(), 4),
                "slam"), "house intro ends on bar 32");
        assertTrue(Styles.cutEcho().suitability(out.results, house.results) >= 0.6);
    }

    @Test
    void oneBarEchoesOutAndCutsAtTheEnd() {
        TransitionPlan plan = Styles.cutEcho().plan(Styles.request(out, in, 1, 94));
        PlanChecks.assertValid(plan, CutEcho.ID, out, in);
        assertEquals(1, plan.lengthBars());
        AutomationLane outVolume = PlanChecks.lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME);
        assertEquals(1, outVolume.valueAt(3.99), 1e-9);
        assertEquals(56, PlanChecks.assertOnPhrase(out, PlanChecks.positionAt(out, plan.outgoingCueSeconds(), 4),
                "cut"));
    }

    @Test
    void withoutSkippingTheIntroTheIncomingLeadsInFromBeforeItsFirstDownbeat() {
        CutEcho fromTheTop = new CutEcho(Configs.with(CutEcho.Config.class, Map.of("skipIntro", false)));
        TransitionPlan plan = fromTheTop.plan(Styles.request(out, in));
        assertEquals(-1, PlanChecks.assertOnDownbeat(in, plan.incomingCueSeconds(), "incoming cue"));
        assertEquals(0, PlanChecks.assertOnPhrase(in, PlanChecks.positionAt(in, plan.incomingCueSeconds(), 4), "slam"));
        assertTrue(plan.explanation().contains("first downbeat"), plan.explanation());
    }
}
