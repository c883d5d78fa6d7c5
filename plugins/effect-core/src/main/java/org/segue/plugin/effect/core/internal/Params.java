package org.segue.plugin.effect.core.internal;

import org.segue.api.effect.ParameterDescriptor;
import org.segue.api.effect.ParameterScale;
import org.segue.api.effect.ParameterUnit;

/** Shorthands for the automatable parameter descriptors of the core effects. */
final class Params {

    private Params() {
    }

    static ParameterDescriptor linear(String id, String name, double min, double max, double defaultValue,
            ParameterUnit unit) {
        return new ParameterDescriptor(id, name, min, max, defaultValue, unit, ParameterScale.LINEAR, true);
    }

    static ParameterDescriptor log(String id, String name, double min, double max, double defaultValue,
            ParameterUnit unit) {
        return new ParameterDescriptor(id, name, min, max, defaultValue, unit, ParameterScale.LOGARITHMIC, true);
    }
}
