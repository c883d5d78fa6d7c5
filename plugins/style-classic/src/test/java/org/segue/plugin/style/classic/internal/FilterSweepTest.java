package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.Deck;
import org.segue.api.style.TransitionPlan;

class FilterSweepTest {

    private final Synth out = Synth.house("out", 124).build();
    private final Synth in = Synth.house("in", 126).build();

    @Test
    void sweepsTheOutgoingToHighPassWhileTheIncomingOpensFromLowPass() {
        TransitionPlan plan = Styles.filterSweep().plan(Styles.request(out, in));
        PlanChecks.assertValid(plan, FilterSweep.ID, out, in);
        assertEquals(8, plan.lengthBars());
        assertEquals(144, PlanChecks.assertOnPhrase(out, plan.outgoingCueSeconds(), "outgoing cue"));
        // 8 bars into a 32-bar intro: cued on bar 24 so the intro ends with the sweep.
        assertEquals(24, PlanChecks.assertOnPhrase(in, plan.incomingCueSeconds(), "incoming cue"));

        AutomationLane outSweep = PlanChecks.lane(plan, Deck.OUTGOING, StandardEffects.FILTER,
                StandardEffects.FILTER_SWEEP);
        AutomationLane inSweep = PlanChecks.lane(plan, Deck.INCOMING, StandardEffects.FILTER,
                StandardEffects.FILTER_SWEEP);
        int beats = plan.lengthBeats();
        assertEquals(0, outSweep.valueAt(0), 1e-9, "outgoing starts unfiltered");
        assertTrue(outSweep.valueAt(beats) >= 0.5, "outgoing ends high-passed");
        assertTrue(inSweep.valueAt(0) <= -0.5, "incoming starts low-passed");
        assertEquals(0, inSweep.valueAt(beats * 0.75), 1e-9, "incoming open by three quarters");
        for (double beat = 0; beat < beats; beat += 0.25) {
            assertTrue(outSweep.valueAt(beat + 0.25) >= outSweep.valueAt(beat), "high-pass only rises");
            assertTrue(inSweep.valueAt(beat + 0.25) >= inSweep.valueAt(beat), "low-pass only opens");
        }
        assertEquals(1, PlanChecks.lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME)
                .valueAt(beats * 0.75), 1e-9, "outgoing fader closes only in the last quarter");
        assertEquals(124, plan.tempoRamp().fromBpm(), 1e-9);
        assertEquals(126, plan.tempoRamp().toBpm(), 1e-9);
    }

    @Test
    void depthAndLengthAreConfigurable() {
        FilterSweep gentle = new FilterSweep(Configs.with(FilterSweep.Config.class,
                Map.of("depth", 0.5, "lengthBars", 16)));
        TransitionPlan plan = gentle.plan(Styles.request(out, in));
        assertEquals(16, plan.lengthBars());
        assertEquals(0.5, PlanChecks.lane(plan, Deck.OUTGOING, StandardEffects.FILTER, StandardEffects.FILTER_SWEEP)
                .valueAt(plan.lengthBeats()), 1e-9);
        assertEquals(16, PlanChecks.assertOnPhrase(in, plan.incomingCueSeconds(), "incoming cue"));
    }
}
