package org.segue.api.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TransitionPlanTest {

    private static AutomationLane volume(Deck deck, double endBeat) {
        return new AutomationLane(deck, AutomationLane.MIXER, AutomationLane.VOLUME, List.of(
                new AutomationPoint(0, 1, RampShape.S_CURVE), new AutomationPoint(endBeat, 0, RampShape.LINEAR)));
    }

    private static TransitionPlan plan(double incomingCue, TempoRamp ramp, List<AutomationLane> lanes) {
        return new TransitionPlan("segue.style.fade/1", 180, incomingCue, 16, 4, true, ramp, 0, lanes, "A fade.");
    }

    @Test
    void acceptsAPlanAndCopiesLanes() {
        List<AutomationLane> lanes = new ArrayList<>(List.of(volume(Deck.OUTGOING, 64)));
        TransitionPlan plan = plan(-4.5, new TempoRamp(124, 126, 0, 64, RampShape.LINEAR), lanes);
        lanes.add(volume(Deck.INCOMING, 64));

        assertEquals(64, plan.lengthBeats());
        assertEquals(1, plan.lanes().size());
        assertEquals(-4.5, plan.incomingCueSeconds());
    }

    @Test
    void rejectsAutomationPastTheEnd() {
        assertThrows(IllegalArgumentException.class,
                () -> plan(0, TempoRamp.constant(124), List.of(volume(Deck.OUTGOING, 65))));
        assertThrows(IllegalArgumentException.class,
                () -> plan(0, new TempoRamp(124, 126, 0, 65, RampShape.LINEAR), List.of()));
    }

    @Test
    void rejectsTwoLanesForOneParameter() {
        assertThrows(IllegalArgumentException.class, () -> plan(0, TempoRamp.constant(124),
                List.of(volume(Deck.OUTGOING, 32), volume(Deck.OUTGOING, 64))));
    }

    @Test
    void rejectsInvalidFields() {
        TempoRamp ramp = TempoRamp.constant(124);
        assertThrows(IllegalArgumentException.class,
                () -> new TransitionPlan("s/1", -1, 0, 16, 4, true, ramp, 0, List.of(), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new TransitionPlan("s/1", 0, Double.NaN, 16, 4, true, ramp, 0, List.of(), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new TransitionPlan("s/1", 0, 0, 0, 4, true, ramp, 0, List.of(), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new TransitionPlan("s/1", 0, 0, 16, 4, true, ramp, 13, List.of(), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new TransitionPlan(" ", 0, 0, 16, 4, true, ramp, 0, List.of(), ""));
        assertThrows(NullPointerException.class,
                () -> new TransitionPlan("s/1", 0, 0, 16, 4, true, ramp, 0, List.of(), null));
    }
}
