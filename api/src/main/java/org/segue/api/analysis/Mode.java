package org.segue.api.analysis;

/** The mode of a key; the two that key detection and harmonic mixing use. */
public enum Mode {
    MAJOR,
    MINOR
}
