package org.segue.api.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PitchClassTest {

    @Test
    void semitonesFollowTheChromaticScale() {
        assertEquals(0, PitchClass.C.semitone());
        assertEquals(4, PitchClass.E.semitone());
        assertEquals(9, PitchClass.A.semitone());
        assertEquals(11, PitchClass.B.semitone());
    }

    @Test
    void ofAndTransposeWrapAround() {
        assertEquals(PitchClass.C, PitchClass.of(12));
        assertEquals(PitchClass.B, PitchClass.of(-1));
        assertEquals(PitchClass.D, PitchClass.B.transpose(3));
        assertEquals(PitchClass.A, PitchClass.C.transpose(-3));
        assertEquals(PitchClass.G, PitchClass.C.transpose(7 + 24));
    }

    @Test
    void spellings() {
        assertEquals("C#", PitchClass.C_SHARP.sharpName());
        assertEquals("Db", PitchClass.C_SHARP.flatName());
        assertEquals("A#", PitchClass.A_SHARP.sharpName());
        assertEquals("Bb", PitchClass.A_SHARP.flatName());
        assertEquals("E", PitchClass.E.sharpName());
        assertEquals("E", PitchClass.E.flatName());
    }

    @Test
    void chordSymbolsUseSharps() {
        assertEquals("F#m7", new Chord(PitchClass.F_SHARP, ChordQuality.MINOR_7).symbol());
        assertEquals("C", new Chord(PitchClass.C, ChordQuality.MAJOR).symbol());
        assertEquals("Bm7b5", new Chord(PitchClass.B, ChordQuality.HALF_DIMINISHED_7).symbol());
    }
}
