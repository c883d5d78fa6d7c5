package org.segue.api.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The validation and copying of the smaller analysis value records. */
class AnalysisValuesTest {

    private static final MusicalKey A_MINOR = new MusicalKey(PitchClass.A, Mode.MINOR);
    private static final MusicalKey C_MAJOR = new MusicalKey(PitchClass.C, Mode.MAJOR);

    @Test
    void resultKeysDifferByVersion() {
        ResultKey<Tempo> v1 = new ResultKey<>("segue.tempo", Tempo.class, 1);
        ResultKey<Tempo> v2 = new ResultKey<>("segue.tempo", Tempo.class, 2);

        assertEquals(StandardResults.TEMPO, v1);
        assertNotEquals(v1, v2);
        assertThrows(IllegalArgumentException.class, () -> new ResultKey<>("segue.tempo", Tempo.class, 0));
        assertThrows(IllegalArgumentException.class, () -> new ResultKey<>("segue tempo", Tempo.class, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResultKey<>("", Tempo.class, 1));
    }

    @Test
    void keySegmentsGiveTheKeyInForce() {
        List<KeySegment> input = new ArrayList<>(List.of(new KeySegment(0, A_MINOR), new KeySegment(90, C_MAJOR)));
        KeySegments segments = new KeySegments(input);
        input.clear();

        assertEquals(2, segments.segments().size());
        assertEquals(A_MINOR, segments.keyAt(-1));
        assertEquals(A_MINOR, segments.keyAt(89.9));
        assertEquals(C_MAJOR, segments.keyAt(90));
        assertThrows(IllegalArgumentException.class, () -> new KeySegments(List.of(new KeySegment(5, A_MINOR))));
        assertThrows(IllegalArgumentException.class,
                () -> new KeySegments(List.of(new KeySegment(0, A_MINOR), new KeySegment(0, C_MAJOR))));
    }

    @Test
    void chordEventsExpressNoChord() {
        ChordEvent none = ChordEvent.noChord(0, 1);
        ChordEvent am = new ChordEvent(1, 2, new Chord(PitchClass.A, ChordQuality.MINOR));

        assertFalse(none.hasChord());
        assertEquals(Optional.empty(), none.chordIfAny());
        assertTrue(am.hasChord());
        assertEquals("Am", am.chordIfAny().orElseThrow().symbol());
        assertThrows(IllegalArgumentException.class, () -> new ChordEvent(2, 2, null));
    }

    @Test
    void progressionsAndStructuresRejectOverlaps() {
        assertDoesNotThrow(() -> new ChordProgression(List.of(ChordEvent.noChord(0, 1), ChordEvent.noChord(1, 2))));
        assertThrows(IllegalArgumentException.class,
                () -> new ChordProgression(List.of(ChordEvent.noChord(0, 1.5), ChordEvent.noChord(1, 2))));
        StructureSegment intro = new StructureSegment(0, 30, SegmentLabel.INTRO, 0.3);
        StructureSegment drop = new StructureSegment(30, 60, SegmentLabel.DROP, 0.9);
        assertEquals(List.of(intro, drop), new Structure(List.of(intro, drop)).segments());
        assertThrows(IllegalArgumentException.class, () -> new Structure(List.of(drop, intro)));
        assertThrows(IllegalArgumentException.class, () -> new StructureSegment(0, 10, SegmentLabel.DROP, 1.1));
    }

    @Test
    void embeddingsAreCopied() {
        float[] vector = {1f, 2f, 3f};
        Embedding embedding = new Embedding("segue.mfcc/1", vector);
        vector[0] = 9f;
        embedding.vector()[1] = 9f;

        assertArrayEquals(new float[] {1f, 2f, 3f}, embedding.vector());
        assertEquals(3, embedding.dimension());
        assertEquals(embedding, new Embedding("segue.mfcc/1", new float[] {1f, 2f, 3f}));
        assertNotEquals(embedding, new Embedding("other/1", new float[] {1f, 2f, 3f}));
        assertThrows(IllegalArgumentException.class, () -> new Embedding("m", new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new Embedding("m", new float[] {Float.POSITIVE_INFINITY}));
    }

    @Test
    void rangesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Tempo(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Tempo(120, 1.01));
        assertThrows(IllegalArgumentException.class, () -> new KeyEstimate(A_MINOR, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Mood(1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Mood(0, Double.NaN));
        assertDoesNotThrow(() -> new Loudness(Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY));
        assertDoesNotThrow(() -> new Loudness(-8.5, 6.2, 0.4));
        assertThrows(IllegalArgumentException.class, () -> new Loudness(Double.NaN, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Loudness(-9, -1, -1));
    }
}
