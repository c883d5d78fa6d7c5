package org.segue.plugin.planner.harmonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.Mode;
import org.segue.api.analysis.MusicalKey;
import org.segue.plugin.planner.harmonic.internal.KeyMatch.Relation;

class KeyMatchTest {

    private static KeyMatch.Fit fit(String from, String to, int maxShift) {
        return KeyMatch.fit(MusicalKey.fromCamelot(from), MusicalKey.fromCamelot(to), maxShift, 0.1);
    }

    @Test
    void relationsFollowTheWheel() {
        assertEquals(Relation.SAME_KEY, fit("8A", "8A", 0).relation());
        assertEquals(Relation.NEIGHBOUR, fit("8A", "9A", 0).relation());
        assertEquals(Relation.NEIGHBOUR, fit("8A", "7A", 0).relation());
        assertEquals(Relation.NEIGHBOUR, fit("12B", "1B", 0).relation(), "the wheel wraps");
        assertEquals(Relation.RELATIVE, fit("8A", "8B", 0).relation());
        assertEquals(Relation.TWO_STEPS, fit("8A", "10A", 0).relation());
        assertEquals(Relation.DIAGONAL, fit("8A", "9B", 0).relation());
        assertEquals(Relation.CLASH, fit("8A", "2A", 0).relation());
        assertEquals(Relation.CLASH, fit("8A", "10B", 0).relation());
    }

    @Test
    void scoresFallFromSameKeyToClash() {
        double previous = 2;
        for (Relation relation : Relation.values()) {
            assertEquals(true, relation.score < previous, relation + " scores below the one before");
            previous = relation.score;
        }
    }

    @Test
    void oneSemitoneIsSevenStepsAsTheKeysSay() {
        // Checks the wheel arithmetic against the api's own key model for every key and shift.
        for (int number = 1; number <= 12; number++) {
            for (Mode mode : Mode.values()) {
                MusicalKey key = MusicalKey.fromCamelot(KeyMatch.code(number, mode));
                for (int semitones = -6; semitones <= 6; semitones++) {
                    MusicalKey moved = new MusicalKey(key.tonic().transpose(semitones), mode);
                    assertEquals(moved.camelotNumber(), KeyMatch.shifted(number, semitones),
                            key.camelot() + " shifted by " + semitones);
                }
            }
        }
    }

    @Test
    void shiftsOnlyWhenAllowedAndBetter() {
        // 3A (Bb minor) down a semitone is A minor, 8A: a clash becomes the same key.
        KeyMatch.Fit shifted = fit("8A", "3A", 1);
        assertEquals(-1, shifted.shift());
        assertEquals(Relation.SAME_KEY, shifted.relation());
        assertEquals(1.0 - 0.1, shifted.score(), 1e-12);

        KeyMatch.Fit forbidden = fit("8A", "3A", 0);
        assertEquals(0, forbidden.shift());
        assertEquals(Relation.CLASH, forbidden.relation());

        KeyMatch.Fit good = fit("8A", "9A", 2);
        assertEquals(0, good.shift(), "a neighbour needs no shift");
        assertEquals(0.9, good.score(), 1e-12);

        // 8A → 10A (two steps, 0.6): a shift of -2 semitones makes it 8A (1.0 − 0.2 = 0.8), better.
        KeyMatch.Fit two = fit("8A", "10A", 2);
        assertEquals(-2, two.shift());
        assertEquals(0.8, two.score(), 1e-12);
        // With a penalty that eats the gain, no shift.
        assertEquals(0, KeyMatch.fit(MusicalKey.fromCamelot("8A"), MusicalKey.fromCamelot("10A"), 2, 0.25).shift());
    }

    @Test
    void symmetric() {
        for (int a = 1; a <= 12; a++) {
            for (int b = 1; b <= 12; b++) {
                for (String letters : new String[] {"AA", "AB", "BA", "BB"}) {
                    String from = a + letters.substring(0, 1);
                    String to = b + letters.substring(1);
                    assertEquals(fit(from, to, 2).score(), fit(to, from, 2).score(), 1e-12, from + " / " + to);
                }
            }
        }
    }
}
