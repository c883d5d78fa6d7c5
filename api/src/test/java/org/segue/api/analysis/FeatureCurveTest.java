package org.segue.api.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureCurveTest {

    private final FeatureCurve curve = new FeatureCurve("energy", 1.0, 0.5, new float[] {0f, 1f, 0.5f});

    @Test
    void valueAtInterpolatesBetweenFrames() {
        assertEquals(0.0, curve.valueAt(1.0), 1e-9);
        assertEquals(0.5, curve.valueAt(1.25), 1e-6);
        assertEquals(1.0, curve.valueAt(1.5), 1e-9);
        assertEquals(0.75, curve.valueAt(1.75), 1e-6);
        assertEquals(0.5, curve.valueAt(2.0), 1e-9);
    }

    @Test
    void valueAtHoldsOutsideTheCurve() {
        assertEquals(0.0, curve.valueAt(0.0), 1e-9);
        assertEquals(0.0, curve.valueAt(-5), 1e-9);
        assertEquals(0.5, curve.valueAt(2.01), 1e-9);
        assertEquals(0.5, curve.valueAt(1e9), 1e-9);
        assertEquals(2.0, curve.endSeconds(), 1e-12);
    }

    @Test
    void singleValueCurveIsConstant() {
        FeatureCurve single = new FeatureCurve("x", 0, 0.1, new float[] {0.3f});
        assertEquals(0.3f, (float) single.valueAt(0));
        assertEquals(0.3f, (float) single.valueAt(12));
    }

    @Test
    void rejectsNaNTime() {
        assertThrows(IllegalArgumentException.class, () -> curve.valueAt(Double.NaN));
    }

    @Test
    void copiesValues() {
        float[] values = {1f, 2f};
        FeatureCurve copy = new FeatureCurve("x", 0, 1, values);
        values[0] = 9f;
        copy.values()[1] = 9f;

        assertArrayEquals(new float[] {1f, 2f}, copy.values());
        assertEquals(2, copy.size());
        assertEquals(1f, copy.value(0));
    }

    @Test
    void equalityComparesValues() {
        assertEquals(curve, new FeatureCurve("energy", 1.0, 0.5, new float[] {0f, 1f, 0.5f}));
        assertEquals(curve.hashCode(), new FeatureCurve("energy", 1.0, 0.5, new float[] {0f, 1f, 0.5f}).hashCode());
        assertNotEquals(curve, new FeatureCurve("energy", 1.0, 0.5, new float[] {0f, 1f, 0.6f}));
    }

    @Test
    void rejectsInvalidCurves() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureCurve("x", 0, 0, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureCurve("x", 0, -1, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureCurve("x", -1, 1, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureCurve("x", 0, 1, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new FeatureCurve("x", 0, 1, new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureCurve(" ", 0, 1, new float[] {1}));
    }
}
