package org.segue.api.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EffectDescriptorTest {

    private static ParameterDescriptor gain(String id) {
        return new ParameterDescriptor(id, id, -26, 6, 0, ParameterUnit.DECIBEL, ParameterScale.LINEAR, true);
    }

    @Test
    void indexOfFindsParameters() {
        EffectDescriptor eq = new EffectDescriptor("segue.effect.eq3/1", "EQ", "eq",
                List.of(gain("low"), gain("mid"), gain("high")));

        assertEquals(0, eq.indexOf("low"));
        assertEquals(2, eq.indexOf("high"));
        assertEquals(-1, eq.indexOf("gain"));
        assertEquals(-1, eq.indexOf(null));
    }

    @Test
    void copiesParametersAndRejectsDuplicates() {
        List<ParameterDescriptor> parameters = new ArrayList<>(List.of(gain("low")));
        EffectDescriptor eq = new EffectDescriptor("e/1", "E", "eq", parameters);
        parameters.add(gain("high"));

        assertEquals(1, eq.parameters().size());
        assertThrows(UnsupportedOperationException.class, () -> eq.parameters().add(gain("x")));
        assertThrows(IllegalArgumentException.class,
                () -> new EffectDescriptor("e/1", "E", "eq", List.of(gain("low"), gain("low"))));
    }
}
