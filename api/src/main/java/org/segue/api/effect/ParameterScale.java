package org.segue.api.effect;

/** How a parameter's range maps to a control's travel (a knob, a fader, {@code 0..1}). */
public enum ParameterScale {
    /** Equal travel, equal difference: gains in dB, mix amounts. */
    LINEAR,
    /** Equal travel, equal ratio: frequencies, times. Requires a positive minimum. */
    LOGARITHMIC
}
