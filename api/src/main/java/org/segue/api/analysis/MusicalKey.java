package org.segue.api.analysis;

import java.util.Objects;

/**
 * A musical key, with the DJ notations used for harmonic mixing.
 *
 * <p>On the Camelot wheel (Mixed In Key) and the Open Key wheel (Traktor) each step round the wheel
 * is a fifth, and a major key shares its number with its relative minor: C major is {@code 8B} /
 * {@code 1d}, A minor is {@code 8A} / {@code 1m}. Keys one step apart, or with the same number,
 * mix well.
 *
 * @param tonic the key's root
 * @param mode major or minor
 */
public record MusicalKey(PitchClass tonic, Mode mode) {

    // Conventional spellings: the side of the circle of fifths with fewer accidentals, F# major and
    // Eb minor (six of either) as DJ software shows them.
    private static final String[] MAJOR_NAMES = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final String[] MINOR_NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};

    /** Rejects nulls. */
    public MusicalKey {
        Objects.requireNonNull(tonic, "tonic");
        Objects.requireNonNull(mode, "mode");
    }

    /** The Camelot wheel number, {@code 1..12} (8 for C major and A minor). */
    public int camelotNumber() {
        // Minor keys sit on the number of their relative major, three semitones up.
        int major = mode == Mode.MAJOR ? tonic.semitone() : (tonic.semitone() + 3) % 12;
        // A fifth (7 semitones) is one step; C major is step 8.
        return (7 * major + 7) % 12 + 1;
    }

    /** The Camelot code, e.g. {@code "8B"} for C major, {@code "8A"} for A minor. */
    public String camelot() {
        return camelotNumber() + (mode == Mode.MAJOR ? "B" : "A");
    }

    /** The Open Key code, e.g. {@code "1d"} for C major, {@code "1m"} for A minor. */
    public String openKey() {
        // Same wheel as Camelot, numbered from C major instead of B major.
        return ((camelotNumber() + 4) % 12 + 1) + (mode == Mode.MAJOR ? "d" : "m");
    }

    /** The key as people write it, e.g. {@code "A minor"}, {@code "Db major"}. */
    public String displayName() {
        String[] names = mode == Mode.MAJOR ? MAJOR_NAMES : MINOR_NAMES;
        return names[tonic.semitone()] + (mode == Mode.MAJOR ? " major" : " minor");
    }

    /**
     * Parses a Camelot code such as {@code "8A"} or {@code "12b"}.
     *
     * @throws IllegalArgumentException if the code is not a number {@code 1..12} followed by A or B
     */
    public static MusicalKey fromCamelot(String code) {
        return fromWheel(code, 'B', 'A', 8);
    }

    /**
     * Parses an Open Key code such as {@code "1m"} or {@code "12d"}.
     *
     * @throws IllegalArgumentException if the code is not a number {@code 1..12} followed by d or m
     */
    public static MusicalKey fromOpenKey(String code) {
        return fromWheel(code, 'D', 'M', 1);
    }

    private static MusicalKey fromWheel(String code, char majorLetter, char minorLetter, int numberOfC) {
        Objects.requireNonNull(code, "code");
        String trimmed = code.strip();
        int number = -1;
        Mode mode = null;
        if (trimmed.length() >= 2 && trimmed.length() <= 3) {
            char letter = Character.toUpperCase(trimmed.charAt(trimmed.length() - 1));
            mode = letter == majorLetter ? Mode.MAJOR : letter == minorLetter ? Mode.MINOR : null;
            String digits = trimmed.substring(0, trimmed.length() - 1);
            if (digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.charAt(0) != '0') {
                number = Integer.parseInt(digits);
            }
        }
        if (mode == null || number < 1 || number > 12) {
            throw new IllegalArgumentException("not a key code: '" + code + "'");
        }
        // Each step is a fifth up; 7 is its own inverse mod 12, so step * 7 gives the semitones.
        PitchClass major = PitchClass.of(7 * (number - numberOfC));
        return new MusicalKey(mode == Mode.MAJOR ? major : major.transpose(-3), mode);
    }
}
