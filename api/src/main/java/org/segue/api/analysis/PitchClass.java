package org.segue.api.analysis;

/**
 * One of the twelve pitch classes of equal temperament, in ascending semitones from C.
 *
 * <p>The constant names are stored and never renamed; the declaration order is the semitone order
 * and is part of the contract.
 */
public enum PitchClass {
    C("C", "C"),
    C_SHARP("C#", "Db"),
    D("D", "D"),
    D_SHARP("D#", "Eb"),
    E("E", "E"),
    F("F", "F"),
    F_SHARP("F#", "Gb"),
    G("G", "G"),
    G_SHARP("G#", "Ab"),
    A("A", "A"),
    A_SHARP("A#", "Bb"),
    B("B", "B");

    private static final PitchClass[] BY_SEMITONE = values();

    private final String sharpName;
    private final String flatName;

    PitchClass(String sharpName, String flatName) {
        this.sharpName = sharpName;
        this.flatName = flatName;
    }

    /** Semitones above C, {@code 0..11}. */
    public int semitone() {
        return ordinal();
    }

    /** The name spelled with a sharp where one is needed, e.g. {@code "C#"}. */
    public String sharpName() {
        return sharpName;
    }

    /** The name spelled with a flat where one is needed, e.g. {@code "Db"}. */
    public String flatName() {
        return flatName;
    }

    /** The pitch class {@code semitones} above this one (below when negative), wrapping around. */
    public PitchClass transpose(int semitones) {
        return of(semitone() + semitones);
    }

    /** The pitch class of a semitone count above C, wrapping around (so {@code 12} is C, {@code -1} is B). */
    public static PitchClass of(int semitone) {
        return BY_SEMITONE[Math.floorMod(semitone, 12)];
    }
}
