package org.segue.api.effect;

/** The unit of a parameter's plain value, for display and for mapping controls. */
public enum ParameterUnit {
    NONE,
    DECIBEL,
    HERTZ,
    SECONDS,
    MILLISECONDS,
    /** Musical time: the host converts to seconds at the current tempo. */
    BEATS,
    PERCENT,
    RATIO,
    SEMITONES,
    DEGREES
}
