package org.segue.plugin.analyzer.tonal.internal;

import org.segue.api.analysis.ChordQuality;

/**
 * Picks the key of a stretch of music from its chroma and, when known, its chords.
 *
 * <p>Two steps, because the two halves of the question need different evidence:
 * <ol>
 * <li>The scale (key signature) is the diatonic template that fits the chroma best
 * ({@link KeyProfiles#scaleScores}). The chroma is treble plus half-weighted bass, each
 * normalised, so the bass line's emphasis counts without drowning the harmony.
 * <li>The scale leaves two keys, a major one and its relative minor, which use the same seven
 * notes. Which one the music is in is a matter of where it rests, so the choice adds up the
 * difference between the two in four cues, each a standard one: the listening profiles'
 * correlation (the tonic and its triad sound most); the share of the bass on each tonic; the
 * share of chord time on each tonic triad; and whether the music starts on that triad (the first
 * chord held a second or more), as most music does.
 * </ol>
 * The relative-key decision is where key finders disagree most with each other and with
 * annotators (MIREX scores it 0.3, not 0); the cues are weighted alike so no single one decides.
 */
final class KeyEstimator {

    /** Weight of the bass chroma beside the treble chroma. */
    static final float BASS_IN_PROFILE = 0.5f;
    private static final double BASS_WEIGHT = 0.5;
    private static final double CHORD_WEIGHT = 0.5;
    private static final double FIRST_CHORD_WEIGHT = 0.3;
    /** A first chord shorter than this may be a pickup or a detection blip. */
    private static final double FIRST_CHORD_SECONDS = 1.0;

    private final KeyProfiles profiles;
    private final float[] combined = new float[12];
    private final double[] scaleScores = new double[12];
    private double lastScaleScore;

    KeyEstimator(KeyProfiles profiles) {
        this.profiles = profiles;
    }

    /**
     * The key of summed chroma, with the chord evidence of {@code path[from..to)} when
     * {@code path} is not null (states as {@link ChordRecognizer#decode} gives them).
     *
     * @param treble summed per-frame-normalised treble chroma
     * @param bass summed per-frame-normalised bass chroma
     * @param framesPerSecond the rate of {@code path}
     * @return the key index, see {@link KeyProfiles}
     */
    int estimate(float[] treble, float[] bass, int[] path, int from, int to, ChordTemplates templates,
            double framesPerSecond) {
        int major = scale(treble, bass);
        float bassSum = 0;
        for (int i = 0; i < 12; i++) {
            bassSum += bass[i];
        }
        int minor = KeyProfiles.relative(major);
        double forMajor = profiles.profileScore(combined, major) - profiles.profileScore(combined, minor);
        if (bassSum > 0) {
            forMajor += BASS_WEIGHT * (bass[major] - bass[KeyProfiles.tonic(minor)]) / bassSum;
        }
        if (path != null) {
            forMajor += chordEvidence(path, from, to, templates, major, KeyProfiles.tonic(minor), framesPerSecond);
        }
        return forMajor >= 0 ? major : minor;
    }

    /**
     * The first step alone: the major tonic {@code 0..11} of the scale that fits best (the key
     * signature shared by that major key and its relative minor).
     */
    int scale(float[] treble, float[] bass) {
        float trebleSum = 0;
        float bassSum = 0;
        for (int i = 0; i < 12; i++) {
            trebleSum += treble[i];
            bassSum += bass[i];
        }
        for (int i = 0; i < 12; i++) {
            combined[i] = (trebleSum > 0 ? treble[i] / trebleSum : 0)
                    + (bassSum > 0 ? BASS_IN_PROFILE * bass[i] / bassSum : 0);
        }
        profiles.scaleScores(combined, scaleScores);
        int scale = 0;
        for (int t = 1; t < 12; t++) {
            if (scaleScores[t] > scaleScores[scale]) {
                scale = t;
            }
        }
        lastScaleScore = scaleScores[scale];
        return scale;
    }

    /** How well the scale found by the last {@link #estimate} or {@link #scale} fits, {@code -1..1}. */
    double scaleFit() {
        return lastScaleScore;
    }

    /** Positive when the chords rest on the major tonic triad, negative for the minor one. */
    private static double chordEvidence(int[] path, int from, int to, ChordTemplates templates, int majorTonic,
            int minorTonic, double framesPerSecond) {
        int chordFrames = 0;
        int onMajor = 0;
        int onMinor = 0;
        int first = -1;
        int run = 0;
        int minRun = (int) Math.ceil(FIRST_CHORD_SECONDS * framesPerSecond);
        for (int t = from; t < to; t++) {
            int state = path[t];
            run = t > from && state == path[t - 1] ? run + 1 : 1;
            if (state < 0) {
                continue;
            }
            if (first < 0 && run >= minRun) {
                first = state;
            }
            chordFrames++;
            int family = family(templates.quality(state / 12));
            if (family > 0 && state % 12 == majorTonic) {
                onMajor++;
            } else if (family < 0 && state % 12 == minorTonic) {
                onMinor++;
            }
        }
        if (chordFrames == 0) {
            return 0;
        }
        double evidence = CHORD_WEIGHT * (onMajor - onMinor) / chordFrames;
        if (first >= 0) {
            int family = family(templates.quality(first / 12));
            if (family > 0 && first % 12 == majorTonic) {
                evidence += FIRST_CHORD_WEIGHT;
            } else if (family < 0 && first % 12 == minorTonic) {
                evidence -= FIRST_CHORD_WEIGHT;
            }
        }
        return evidence;
    }

    /** +1 for qualities that can be a major key's tonic chord, -1 for a minor key's, 0 for neither. */
    private static int family(ChordQuality quality) {
        return switch (quality) {
            case MAJOR, MAJOR_7, SUS2, SUS4 -> 1;
            case MINOR, MINOR_7 -> -1;
            default -> 0;
        };
    }
}
