package org.segue.plugin.planner.harmonic.internal;

import org.segue.api.analysis.Mode;
import org.segue.api.analysis.MusicalKey;

/**
 * Harmonic compatibility of two keys on the Camelot wheel, optionally after pitch-shifting the
 * incoming track.
 *
 * <p>The wheel has twelve numbers, one step per fifth, and two letters: A (minor) and B (major). With
 * {@code d} the distance round the wheel between the numbers (0..6):
 * <pre>
 *   same number, same letter          same key        1.0
 *   d = 1, same letter                neighbour       0.9
 *   d = 0, other letter               relative        0.85
 *   d = 2, same letter                two steps       0.6
 *   d = 1, other letter               diagonal        0.5
 *   anything else                     clash           0.1
 * </pre>
 * The table is symmetric, so a pair scores the same in either direction.
 *
 * <p>Pitch shift: one semitone moves a key 7 steps round the wheel (a fifth is 7 semitones and 7 is
 * its own inverse mod 12), so shifting the incoming track by {@code s} semitones turns number
 * {@code n} into {@code n + 7s (mod 12)}. Each semitone takes {@code penalty} off the score, and a
 * shift is chosen only when it scores strictly higher than no shift; among equal shifts the smaller
 * one, then the upward one, wins.
 */
final class KeyMatch {

    /** How two keys relate, with the score it earns. */
    enum Relation {
        SAME_KEY("same key", 1.0),
        NEIGHBOUR("Camelot neighbour", 0.9),
        RELATIVE("relative", 0.85),
        TWO_STEPS("two steps round the wheel", 0.6),
        DIAGONAL("diagonal move", 0.5),
        CLASH("clash", 0.1);

        final String words;
        final double score;

        Relation(String words, double score) {
            this.words = words;
            this.score = score;
        }
    }

    /**
     * The best way to bring the incoming key to the outgoing one.
     *
     * @param score the relation's score minus the shift penalty, the H of the transition
     * @param shift semitones the incoming track is shifted by, 0 for none
     * @param relation how the keys relate after the shift
     * @param shiftedNumber the incoming key's Camelot number after the shift
     */
    record Fit(double score, int shift, Relation relation, int shiftedNumber) {
    }

    private KeyMatch() {
    }

    /** The relation of two wheel positions (numbers 1..12). */
    static Relation relation(int fromNumber, Mode fromMode, int toNumber, Mode toMode) {
        int d = Math.floorMod(toNumber - fromNumber, 12);
        d = Math.min(d, 12 - d);
        boolean sameLetter = fromMode == toMode;
        if (sameLetter) {
            return switch (d) {
                case 0 -> Relation.SAME_KEY;
                case 1 -> Relation.NEIGHBOUR;
                case 2 -> Relation.TWO_STEPS;
                default -> Relation.CLASH;
            };
        }
        return switch (d) {
            case 0 -> Relation.RELATIVE;
            case 1 -> Relation.DIAGONAL;
            default -> Relation.CLASH;
        };
    }

    /** The Camelot number after shifting by {@code semitones}. */
    static int shifted(int number, int semitones) {
        return Math.floorMod(number - 1 + 7 * semitones, 12) + 1;
    }

    /**
     * The best fit of {@code to} after {@code from}.
     *
     * @param maxShift the largest shift allowed in whole semitones, 0 for none
     * @param penalty what each semitone of shift costs
     */
    static Fit fit(MusicalKey from, MusicalKey to, int maxShift, double penalty) {
        int fromNumber = from.camelotNumber();
        int toNumber = to.camelotNumber();
        Relation plain = relation(fromNumber, from.mode(), toNumber, to.mode());
        Fit best = new Fit(plain.score, 0, plain, toNumber);
        for (int size = 1; size <= maxShift; size++) {
            for (int shift : new int[] {size, -size}) {
                int number = shifted(toNumber, shift);
                Relation relation = relation(fromNumber, from.mode(), number, to.mode());
                double score = relation.score - penalty * size;
                if (score > best.score()) {
                    best = new Fit(score, shift, relation, number);
                }
            }
        }
        return best;
    }

    /** The Camelot code of a number and mode, e.g. {@code 8A}. */
    static String code(int number, Mode mode) {
        return number + (mode == Mode.MAJOR ? "B" : "A");
    }
}
