package org.segue.api.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MusicalKeyTest {

    // Written out from the published Camelot and Open Key wheels, not derived from the formula.
    @ParameterizedTest(name = "{0} {1} = {2} / {3}")
    @CsvSource({
        "C,       MAJOR, 8B,  1d,  C major",
        "G,       MAJOR, 9B,  2d,  G major",
        "D,       MAJOR, 10B, 3d,  D major",
        "A,       MAJOR, 11B, 4d,  A major",
        "E,       MAJOR, 12B, 5d,  E major",
        "B,       MAJOR, 1B,  6d,  B major",
        "F_SHARP, MAJOR, 2B,  7d,  F# major",
        "C_SHARP, MAJOR, 3B,  8d,  Db major",
        "G_SHARP, MAJOR, 4B,  9d,  Ab major",
        "D_SHARP, MAJOR, 5B,  10d, Eb major",
        "A_SHARP, MAJOR, 6B,  11d, Bb major",
        "F,       MAJOR, 7B,  12d, F major",
        "A,       MINOR, 8A,  1m,  A minor",
        "E,       MINOR, 9A,  2m,  E minor",
        "B,       MINOR, 10A, 3m,  B minor",
        "F_SHARP, MINOR, 11A, 4m,  F# minor",
        "C_SHARP, MINOR, 12A, 5m,  C# minor",
        "G_SHARP, MINOR, 1A,  6m,  G# minor",
        "D_SHARP, MINOR, 2A,  7m,  Eb minor",
        "A_SHARP, MINOR, 3A,  8m,  Bb minor",
        "F,       MINOR, 4A,  9m,  F minor",
        "C,       MINOR, 5A,  10m, C minor",
        "G,       MINOR, 6A,  11m, G minor",
        "D,       MINOR, 7A,  12m, D minor",
    })
    void notationsMatchTheWheels(PitchClass tonic, Mode mode, String camelot, String openKey, String displayName) {
        MusicalKey key = new MusicalKey(tonic, mode);

        assertEquals(camelot, key.camelot());
        assertEquals(Integer.parseInt(camelot.substring(0, camelot.length() - 1)), key.camelotNumber());
        assertEquals(openKey, key.openKey());
        assertEquals(displayName, key.displayName());
        assertEquals(key, MusicalKey.fromCamelot(camelot));
        assertEquals(key, MusicalKey.fromCamelot(camelot.toLowerCase()));
        assertEquals(key, MusicalKey.fromOpenKey(openKey));
    }

    @Test
    void all24KeysHaveDistinctCodes() {
        Set<String> camelot = new HashSet<>();
        Set<String> openKey = new HashSet<>();
        for (PitchClass tonic : PitchClass.values()) {
            for (Mode mode : Mode.values()) {
                MusicalKey key = new MusicalKey(tonic, mode);
                camelot.add(key.camelot());
                openKey.add(key.openKey());
            }
        }
        assertEquals(24, camelot.size());
        assertEquals(24, openKey.size());
    }

    @Test
    void relativeKeysShareTheirNumber() {
        for (PitchClass tonic : PitchClass.values()) {
            MusicalKey major = new MusicalKey(tonic, Mode.MAJOR);
            MusicalKey relativeMinor = new MusicalKey(tonic.transpose(-3), Mode.MINOR);
            assertEquals(major.camelotNumber(), relativeMinor.camelotNumber(), major.displayName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8", "A", "0A", "13B", "08A", "8C", "8AB", "-1A", "1d", "x8A"})
    void rejectsInvalidCamelotCodes(String code) {
        assertThrows(IllegalArgumentException.class, () -> MusicalKey.fromCamelot(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "0d", "13m", "8A", "8B", "1x"})
    void rejectsInvalidOpenKeyCodes(String code) {
        assertThrows(IllegalArgumentException.class, () -> MusicalKey.fromOpenKey(code));
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new MusicalKey(null, Mode.MAJOR));
        assertThrows(NullPointerException.class, () -> new MusicalKey(PitchClass.C, null));
    }
}
