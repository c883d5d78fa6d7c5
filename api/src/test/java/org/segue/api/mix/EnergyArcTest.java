package org.segue.api.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnergyArcTest {

    @Test
    void clubNightPeaksTwoThirdsInAndEndsBelowThePeak() {
        EnergyArc arc = EnergyArc.WARM_UP_PEAK_COOL_DOWN;
        assertEquals(0.2, arc.target(0), 1e-9);
        assertEquals(1.0, arc.target(2.0 / 3), 1e-9);
        assertEquals(0.4, arc.target(1), 1e-9);
        for (double x = 0; x < 2.0 / 3 - 0.01; x += 0.05) {
            assertTrue(arc.target(x + 0.01) > arc.target(x), "rising before the peak at " + x);
        }
    }

    @Test
    void waveRisesAndFallsTwice() {
        EnergyArc arc = EnergyArc.WAVE;
        assertEquals(0.2, arc.target(0), 1e-9);
        assertEquals(0.9, arc.target(0.25), 1e-9);
        assertEquals(0.2, arc.target(0.5), 1e-9);
        assertEquals(0.9, arc.target(0.75), 1e-9);
    }

    @Test
    void everyArcStaysWithinZeroAndOneAndRejectsPositionsOutside() {
        for (EnergyArc arc : EnergyArc.values()) {
            for (double x = 0; x <= 1; x += 0.01) {
                double t = arc.target(x);
                assertTrue(t >= 0 && t <= 1, arc + " at " + x + " = " + t);
            }
            assertThrows(IllegalArgumentException.class, () -> arc.target(1.5));
        }
    }
}
