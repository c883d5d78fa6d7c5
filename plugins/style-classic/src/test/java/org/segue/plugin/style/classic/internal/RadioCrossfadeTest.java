package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.Deck;
import org.segue.api.style.TransitionPlan;

class RadioCrossfadeTest {

    private final Synth ballad = Synth.ballad("out").build();
    private final Synth house = Synth.house("in", 128).build();

    @Test
    void crossfadesWithoutBeatMatchingInTheOutro() {
        TransitionPlan plan = Styles.radio().plan(Styles.request(ballad, house));
        PlanChecks.assertValid(plan, RadioCrossfade.ID, ballad, house);
        assertFalse(plan.beatMatched());
        assertEquals(128, plan.tempoRamp().fromBpm(), 1e-9, "a constant clock at the set's tempo");
        assertEquals(plan.tempoRamp().fromBpm(), plan.tempoRamp().toBpm());
        assertEquals(0, plan.tempoRamp().endBeat());

        // 8 s at 128 bpm in 4/4 (1.875 s a bar) rounds to 4 bars, 7.5 s.
        assertEquals(4, plan.lengthBars());
        double fade = plan.lengthBeats() * 60 / 128.0;
        assertTrue(plan.outgoingCueSeconds() >= ballad.downbeat(48) - PlanChecks.MS, "starts in the outro");
        assertTrue(plan.outgoingCueSeconds() + fade <= ballad.duration());
        PlanChecks.assertOnPhrase(ballad, plan.outgoingCueSeconds(), "outgoing cue");
        assertEquals(0, PlanChecks.assertOnPhrase(house, plan.incomingCueSeconds(), "incoming cue"));
        assertTrue(plan.explanation().contains("too far apart"), plan.explanation());
    }

    @Test
    void theFadeKeepsItsPowerConstant() {
        TransitionPlan plan = Styles.radio().plan(Styles.request(ballad, house));
        AutomationLane out = PlanChecks.lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME);
        AutomationLane in = PlanChecks.lane(plan, Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME);
        assertEquals(1, out.valueAt(0), 1e-9);
        assertEquals(0, in.valueAt(0), 1e-9);
        for (double beat = 0; beat <= plan.lengthBeats(); beat += 0.125) {
            double power = out.valueAt(beat) * out.valueAt(beat) + in.valueAt(beat) * in.valueAt(beat);
            assertEquals(1, power, 0.02, "power at beat " + beat);
        }
        AutomationLane reverb = PlanChecks.lane(plan, Deck.OUTGOING, StandardEffects.REVERB, StandardEffects.REVERB_MIX);
        assertTrue(reverb.valueAt(plan.lengthBeats()) > reverb.valueAt(0), "reverb tail grows");
    }

    @Test
    void withoutGridsTheFadeFindsTheQuietEndButNotTheSilence() {
        // Loud until 180 s, quiet to 200 s, then silence: the fade belongs in 180..200.
        Synth gridless = Synth.track("out", 100, 87).noGrid().noStructure().tail(0)
                .energy((track, t) -> t < 180 ? 0.8 : t < 200 ? 0.1 : 0).build();
        Synth incoming = Synth.track("in", 100, 64).noGrid().offset(3)
                .energy((track, t) -> t < 2 ? 0 : 0.5).build();
        TransitionPlan plan = Styles.radio().plan(Styles.request(gridless, incoming, null, 100));
        PlanChecks.assertValid(plan, RadioCrossfade.ID, gridless, incoming);
        double fade = plan.lengthBeats() * 60 / 100.0;
        assertTrue(plan.outgoingCueSeconds() >= 180 - Synth.HOP, "fades in the quiet part: " + plan.outgoingCueSeconds());
        assertTrue(plan.outgoingCueSeconds() + fade <= 200 + Synth.HOP, "not over the silence");
        assertTrue(plan.incomingCueSeconds() >= 1 && plan.incomingCueSeconds() <= 2, "skips the leading silence");
    }

    @Test
    void threeFourIntoFourFourStartsOnAPhraseOfTheWaltz() {
        Synth waltz = Synth.waltz("out").build();
        Synth in = Synth.house("in", 122).build();
        TransitionPlan plan = Styles.radio().plan(Styles.request(waltz, in));
        PlanChecks.assertValid(plan, RadioCrossfade.ID, waltz, in);
        assertTrue(PlanChecks.assertOnPhrase(waltz, plan.outgoingCueSeconds(), "outgoing cue") >= 80, "in the outro");
        assertTrue(plan.explanation().contains("meters differ"), plan.explanation());
    }

    @Test
    void theReverbTailIsOptional() {
        RadioCrossfade dry = new RadioCrossfade(Configs.with(RadioCrossfade.Config.class,
                Map.of("reverbTail", false, "fadeSeconds", 4.0)));
        TransitionPlan plan = dry.plan(Styles.request(ballad, house));
        assertTrue(plan.lanes().stream().noneMatch(l -> l.effectId().equals(StandardEffects.REVERB)));
        assertEquals(2, plan.lengthBars(), "4 s at 128 bpm");
    }

    @Test
    void aBalladIsRecognisedBySlowTempoAndLowEnergy() {
        assertTrue(RadioCrossfade.isBallad(TrackFacts.of(ballad.results)));
        assertFalse(RadioCrossfade.isBallad(TrackFacts.of(house.results)));
        assertFalse(RadioCrossfade.isBallad(TrackFacts.of(Synth.hipHop("x", 75).build().results)),
                "slow but energetic hip-hop is no ballad");
    }
}
