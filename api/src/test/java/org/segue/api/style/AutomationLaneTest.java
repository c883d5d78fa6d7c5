package org.segue.api.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AutomationLaneTest {

    private static AutomationPoint point(double beat, double value, RampShape shape) {
        return new AutomationPoint(beat, value, shape);
    }

    @Test
    void valueAtFollowsEachSegmentsShape() {
        AutomationLane lane = new AutomationLane(Deck.OUTGOING, "segue.effect.eq3/1", "low", List.of(
                point(16, 0, RampShape.LINEAR),
                point(32, -26, RampShape.HOLD),
                point(48, 0, RampShape.LINEAR)));

        assertEquals(0, lane.valueAt(0), 1e-12);
        assertEquals(0, lane.valueAt(16), 1e-12);
        assertEquals(-13, lane.valueAt(24), 1e-12);
        assertEquals(-26, lane.valueAt(32), 1e-12);
        assertEquals(-26, lane.valueAt(47.9), 1e-12);
        assertEquals(0, lane.valueAt(48), 1e-12);
        assertEquals(0, lane.valueAt(1000), 1e-12);
    }

    @Test
    void copiesAndValidatesPoints() {
        List<AutomationPoint> points = new ArrayList<>(List.of(point(0, 1, RampShape.LINEAR)));
        AutomationLane lane = new AutomationLane(Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME, points);
        points.add(point(4, 0, RampShape.LINEAR));

        assertEquals(1, lane.points().size());
        assertThrows(IllegalArgumentException.class,
                () -> new AutomationLane(Deck.MASTER, "e/1", "p", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new AutomationLane(Deck.MASTER, "e/1", "p",
                List.of(point(4, 0, RampShape.LINEAR), point(4, 1, RampShape.LINEAR))));
        assertThrows(IllegalArgumentException.class, () -> new AutomationLane(Deck.MASTER, "e/1", "p",
                List.of(point(0, 0, RampShape.EXPONENTIAL), point(4, 1, RampShape.LINEAR))));
        assertThrows(IllegalArgumentException.class, () -> point(-1, 0, RampShape.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> point(0, Double.NaN, RampShape.LINEAR));
    }

    @Test
    void tempoRampHoldsOutsideItsBeats() {
        TempoRamp ramp = new TempoRamp(124, 128, 8, 24, RampShape.LINEAR);

        assertEquals(124, ramp.bpmAt(0), 1e-12);
        assertEquals(124, ramp.bpmAt(8), 1e-12);
        assertEquals(126, ramp.bpmAt(16), 1e-12);
        assertEquals(128, ramp.bpmAt(24), 1e-12);
        assertEquals(128, ramp.bpmAt(64), 1e-12);
        assertEquals(120, TempoRamp.constant(120).bpmAt(10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new TempoRamp(124, 128, 8, 4, RampShape.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new TempoRamp(0, 128, 0, 4, RampShape.LINEAR));
    }
}
