package org.segue.api.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParameterDescriptorTest {

    private static ParameterDescriptor param(double min, double max, double def, ParameterScale scale) {
        return new ParameterDescriptor("p", "P", min, max, def, ParameterUnit.NONE, scale, true);
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> param(1, 1, 1, ParameterScale.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> param(2, 1, 1.5, ParameterScale.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> param(Double.NaN, 1, 0, ParameterScale.LINEAR));
        assertThrows(IllegalArgumentException.class,
                () -> param(0, Double.POSITIVE_INFINITY, 0, ParameterScale.LINEAR));
    }

    @Test
    void rejectsDefaultOutsideRange() {
        assertThrows(IllegalArgumentException.class, () -> param(-26, 6, 7, ParameterScale.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> param(-26, 6, -27, ParameterScale.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> param(-26, 6, Double.NaN, ParameterScale.LINEAR));
    }

    @Test
    void rejectsLogarithmicScaleThroughZero() {
        assertThrows(IllegalArgumentException.class, () -> param(0, 20_000, 1000, ParameterScale.LOGARITHMIC));
        assertThrows(IllegalArgumentException.class, () -> param(-1, 1, 0.5, ParameterScale.LOGARITHMIC));
    }

    @Test
    void rejectsMissingNames() {
        assertThrows(IllegalArgumentException.class, () -> new ParameterDescriptor(" ", "Low", 0, 1, 0,
                ParameterUnit.NONE, ParameterScale.LINEAR, true));
        assertThrows(NullPointerException.class, () -> new ParameterDescriptor("low", "Low", 0, 1, 0,
                null, ParameterScale.LINEAR, true));
    }

    @Test
    void linearNormalisation() {
        ParameterDescriptor gain = param(-26, 6, 0, ParameterScale.LINEAR);

        assertEquals(0.0, gain.toNormalized(-26), 1e-12);
        assertEquals(0.5, gain.toNormalized(-10), 1e-12);
        assertEquals(1.0, gain.toNormalized(50), 1e-12);
        assertEquals(-10, gain.fromNormalized(0.5), 1e-12);
        assertEquals(6, gain.fromNormalized(2), 1e-12);
    }

    @Test
    void logarithmicNormalisation() {
        ParameterDescriptor cutoff = param(20, 20_000, 1000, ParameterScale.LOGARITHMIC);

        // Halfway on a log scale from 20 Hz to 20 kHz is their geometric mean.
        assertEquals(Math.sqrt(20 * 20_000), cutoff.fromNormalized(0.5), 1e-9);
        assertEquals(0.5, cutoff.toNormalized(Math.sqrt(20 * 20_000)), 1e-12);
        assertEquals(1.0 / 3, cutoff.toNormalized(200), 1e-12);
        assertEquals(20, cutoff.fromNormalized(-1), 1e-12);
        assertEquals(0.0, cutoff.toNormalized(5), 1e-12);
        for (double travel = 0; travel <= 1; travel += 0.125) {
            assertEquals(travel, cutoff.toNormalized(cutoff.fromNormalized(travel)), 1e-12);
        }
    }
}
