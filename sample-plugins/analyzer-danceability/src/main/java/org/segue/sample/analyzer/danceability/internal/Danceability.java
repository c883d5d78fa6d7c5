package org.segue.sample.analyzer.danceability.internal;

import org.segue.api.analysis.ResultKey;

/**
 * How danceable a track is, and the two measurements the score is made of. Published under
 * {@link #KEY}; Segue stores it with the track and shows it in {@code segue analyze --json}.
 *
 * <p>A result is plain immutable data (a record of numbers) so Segue can store it as JSON and
 * share it between threads. Once released, its fields keep their meaning: a change of meaning gets a
 * new schema version in {@link #KEY}, so stored values of the old meaning are recomputed, never
 * misread.
 *
 * @param score danceability {@code 0..1}: the mean of pulse strength and regularity
 * @param bpm the period of the strongest pulse, in beats per minute ({@code 0} when there is none)
 * @param pulseStrength how much of the loudness changes repeat at that period, {@code 0..1}
 * @param regularity how well the pulse keeps time over 2, 3 and 4 periods, {@code 0..1}: a drum
 *        machine is near 1, a drifting or jittery pulse lower
 */
public record Danceability(double score, double bpm, double pulseStrength, double regularity) {

    /**
     * The result key: a name prefixed by its owner (change {@code sample.} to your own), the value
     * type, and the schema version.
     */
    public static final ResultKey<Danceability> KEY = new ResultKey<>("sample.danceability", Danceability.class, 1);

    /** The value for audio without any pulse (silence, steady noise). */
    static final Danceability NONE = new Danceability(0, 0, 0, 0);

    /** Validates: every field finite, fractions within {@code 0..1}. */
    public Danceability {
        if (!(score >= 0 && score <= 1 && pulseStrength >= 0 && pulseStrength <= 1 && regularity >= 0
                && regularity <= 1 && bpm >= 0 && bpm < 1000)) {
            throw new IllegalArgumentException("not a danceability: score " + score + ", bpm " + bpm + ", pulse "
                    + pulseStrength + ", regularity " + regularity);
        }
    }
}
