package org.segue.api.analysis;

/**
 * The mood of a track on Russell's circumplex: how pleasant and how intense it feels.
 *
 * @param valence negative (sad, dark) to positive (happy, bright), {@code -1..1}
 * @param arousal calm to intense, {@code -1..1}
 */
public record Mood(double valence, double arousal) {

    /** Validates the ranges. */
    public Mood {
        if (!(valence >= -1 && valence <= 1)) {
            throw new IllegalArgumentException("valence must be in [-1,1]: " + valence);
        }
        if (!(arousal >= -1 && arousal <= 1)) {
            throw new IllegalArgumentException("arousal must be in [-1,1]: " + arousal);
        }
    }
}
