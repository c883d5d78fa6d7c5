package org.segue.plugin.analyzer.tonal.internal;

import org.segue.api.analysis.ChordQuality;

/**
 * Pitch-class templates of the chords the recogniser knows, with the partials of real notes.
 *
 * <p>A played note also sounds its octave, twelfth and double octave, so a C major triad puts a
 * little energy on D (the twelfth of G) as well. The templates add harmonics 1-4 of every chord
 * tone with amplitudes falling as 0.6 per harmonic, which makes them resemble what the chroma of
 * a real chord looks like rather than a bare set of three pitch classes. Templates are
 * normalised to unit length, so matching is a cosine.
 */
final class ChordTemplates {

    /** Chord tones above the root of each quality, in {@link ChordQuality} order. */
    private static final int[][] INTERVALS = {
        {0, 4, 7}, // MAJOR
        {0, 3, 7}, // MINOR
        {0, 4, 7, 10}, // DOMINANT_7
        {0, 4, 7, 11}, // MAJOR_7
        {0, 3, 7, 10}, // MINOR_7
        {0, 3, 6}, // DIMINISHED
        {0, 3, 6, 10}, // HALF_DIMINISHED_7
        {0, 4, 8}, // AUGMENTED
        {0, 2, 7}, // SUS2
        {0, 5, 7}, // SUS4
    };

    private static final boolean[] MAJOR_SCALE = {true, false, true, false, true, true, false, true, false, true, false, true};

    /** Semitones above the note of its 1st..4th harmonic, modulo the octave. */
    private static final int[] HARMONIC_OFFSETS = {0, 0, 7, 0};

    private final ChordQuality[] qualities;
    /** [quality index][root][pitch class]. */
    private final float[][][] templates;

    /** @param qualities the qualities to recognise */
    ChordTemplates(ChordQuality[] qualities) {
        this.qualities = qualities.clone();
        templates = new float[qualities.length][12][12];
        for (int q = 0; q < qualities.length; q++) {
            int[] intervals = INTERVALS[qualities[q].ordinal()];
            float[] base = new float[12];
            for (int interval : intervals) {
                double amplitude = 1;
                for (int offset : HARMONIC_OFFSETS) {
                    base[(interval + offset) % 12] += (float) amplitude;
                    amplitude *= 0.6;
                }
            }
            double norm = 0;
            for (float v : base) {
                norm += v * v;
            }
            for (int root = 0; root < 12; root++) {
                for (int pc = 0; pc < 12; pc++) {
                    templates[q][root][(root + pc) % 12] = (float) (base[pc] / Math.sqrt(norm));
                }
            }
        }
    }

    int size() {
        return qualities.length;
    }

    ChordQuality quality(int index) {
        return qualities[index];
    }

    /** The template of a quality on a root, unit length. Read only. */
    float[] template(int quality, int root) {
        return templates[quality][root];
    }

    /**
     * True when every tone of the chord belongs to the major scale on {@code majorTonic} or to
     * the harmonic minor of its relative minor (the same notes with the minor's leading tone
     * raised, which gives the major dominant that minor keys use).
     */
    boolean isDiatonic(int quality, int root, int majorTonic) {
        boolean inMajor = true;
        boolean inHarmonicMinor = true;
        for (int interval : INTERVALS[qualities[quality].ordinal()]) {
            int degree = Math.floorMod(root + interval - majorTonic, 12);
            inMajor &= MAJOR_SCALE[degree];
            // The relative minor's harmonic form: the major scale with its fifth degree (the
            // minor's seventh) raised a semitone.
            inHarmonicMinor &= degree == 8 || (MAJOR_SCALE[degree] && degree != 7);
        }
        return inMajor || inHarmonicMinor;
    }

    /** Chord tones of a quality, in semitones above the root. */
    int[] intervals(int quality) {
        return INTERVALS[qualities[quality].ordinal()].clone();
    }
}
