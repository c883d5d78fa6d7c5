package org.segue.api.style;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RampShapeTest {

    @Test
    void linear() {
        assertEquals(5, RampShape.LINEAR.interpolate(0, 10, 0.5), 1e-12);
        assertEquals(-2.5, RampShape.LINEAR.interpolate(0, -10, 0.25), 1e-12);
    }

    @Test
    void sCurveEasesAtBothEnds() {
        assertEquals(0, RampShape.S_CURVE.interpolate(0, 1, 0), 1e-12);
        assertEquals(0.15625, RampShape.S_CURVE.interpolate(0, 1, 0.25), 1e-12);
        assertEquals(0.5, RampShape.S_CURVE.interpolate(0, 1, 0.5), 1e-12);
        assertEquals(0.84375, RampShape.S_CURVE.interpolate(0, 1, 0.75), 1e-12);
        assertEquals(1, RampShape.S_CURVE.interpolate(0, 1, 1), 1e-12);
    }

    @Test
    void holdJumpsAtTheEnd() {
        assertEquals(3, RampShape.HOLD.interpolate(3, 7, 0.999), 0);
        assertEquals(7, RampShape.HOLD.interpolate(3, 7, 1), 0);
    }

    @Test
    void exponentialKeepsEqualRatios() {
        assertEquals(1000, RampShape.EXPONENTIAL.interpolate(100, 10_000, 0.5), 1e-9);
        assertEquals(200, RampShape.EXPONENTIAL.interpolate(100, 800, 1.0 / 3), 1e-9);
        assertEquals(-1000, RampShape.EXPONENTIAL.interpolate(-100, -10_000, 0.5), 1e-9);
        // Opposite signs have no geometric path; fall back to a straight line.
        assertEquals(0, RampShape.EXPONENTIAL.interpolate(-1, 1, 0.5), 1e-12);
    }

    @Test
    void fractionIsClamped() {
        for (RampShape shape : RampShape.values()) {
            assertEquals(2, shape.interpolate(2, 8, -1), 1e-12, shape.name());
            assertEquals(8, shape.interpolate(2, 8, 2), 1e-12, shape.name());
        }
    }
}
