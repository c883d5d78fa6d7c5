package org.segue.plugin.planner.harmonic.internal;

import java.util.Objects;

import org.segue.api.mix.EnergyArc;
import org.segue.api.mix.SetRequest;

/**
 * Scores one transition of a set of {@code n} tracks: the incoming track {@code b} at position
 * {@code k} (0-based) after {@code a}.
 *
 * <pre>
 *   total(a → b at k) = wH·H(a, b) + wT·T(a, b) + wE·E(b, k) − wV·(1 − V(a, b))
 * </pre>
 * <ul>
 * <li>H: {@link KeyMatch} after the best allowed pitch shift of {@code b} (whole semitones up to
 * {@link SetRequest#maxPitchShiftSemitones()}), minus the shift penalty;</li>
 * <li>T: {@link TempoMatch};</li>
 * <li>E = max(0, 1 − ((e(b) − arc(x)) / 0.5)²) with x = k / (n − 1), the arc's
 * {@link EnergyArc#target target} there and e(b) the track's energy ({@link TrackFeatures}); squared
 * so that, of two tracks, the one further off the arc is moved first, and so an energy-sorted set is
 * the unique best fit to a monotone arc;</li>
 * <li>V = 0 when both tracks carry the same artist tag (case-insensitive), else 1 (also when either
 * artist is unknown).</li>
 * </ul>
 * A missing key, tempo or energy scores {@link #NEUTRAL} for that term: neither rewarded nor
 * punished against a clash or a good match.
 *
 * <p>Only E depends on the position; the rest depends on the pair alone. The first track has no
 * transition but still earns {@code wE·E(first, 0)}: the set's score is that plus the sum of all
 * transition totals.
 */
final class PairScorer {

    /** The score of a term whose input is unknown. */
    static final double NEUTRAL = 0.5;
    /** The energy distance from the arc at which E reaches 0. */
    static final double ENERGY_RANGE = 0.5;

    /**
     * The terms of one transition, for the explanation.
     *
     * @param key the key fit, or {@code null} when either key is unknown
     * @param tempo the tempo fit, or {@code null} when either tempo is unknown
     * @param harmonic H
     * @param tempoScore T
     * @param energy E of the incoming track at its position
     * @param target the arc's energy at that position
     * @param variety V
     * @param total the weighted total
     */
    record Parts(KeyMatch.Fit key, TempoMatch.Fit tempo, double harmonic, double tempoScore, double energy,
            double target, double variety, double total) {
    }

    private final PlannerSettings settings;
    private final EnergyArc arc;
    private final int maxShift;
    private final int size;

    /**
     * @param size the number of tracks in the set, which fixes the position of each index on the arc
     */
    PairScorer(PlannerSettings settings, SetRequest request, int size) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.arc = request.arc();
        // Shifts by fractions of a semitone move no key onto the wheel, so only whole ones count.
        this.maxShift = (int) Math.floor(request.maxPitchShiftSemitones());
        this.size = size;
    }

    EnergyArc arc() {
        return arc;
    }

    int size() {
        return size;
    }

    /** Position {@code k} as a fraction 0..1 of the set. */
    double position(int k) {
        return size <= 1 ? 0 : (double) k / (size - 1);
    }

    /** The arc's energy at position {@code k}. */
    double target(int k) {
        return arc.target(position(k));
    }

    /** E of a track at position {@code k}. */
    double energy(TrackFeatures track, int k) {
        if (!track.hasEnergy()) {
            return NEUTRAL;
        }
        double q = (track.energy() - target(k)) / ENERGY_RANGE;
        return Math.max(0, 1 - q * q);
    }

    /** The weighted, position-dependent part: {@code wE·E}. */
    double place(TrackFeatures track, int k) {
        return settings.energyWeight() * energy(track, k);
    }

    /** The key fit, or {@code null} when a key is unknown. */
    KeyMatch.Fit key(TrackFeatures a, TrackFeatures b) {
        return a.hasKey() && b.hasKey() ? KeyMatch.fit(a.key(), b.key(), maxShift, settings.pitchShiftPenalty())
                : null;
    }

    /** The tempo fit, or {@code null} when a tempo is unknown. */
    static TempoMatch.Fit tempo(TrackFeatures a, TrackFeatures b) {
        return a.hasTempo() && b.hasTempo() ? TempoMatch.fit(a.bpm(), b.bpm()) : null;
    }

    static double variety(TrackFeatures a, TrackFeatures b) {
        return a.artist() != null && a.artist().equals(b.artist()) ? 0 : 1;
    }

    /** The weighted, position-independent part: {@code wH·H + wT·T − wV·(1 − V)}. */
    double pair(TrackFeatures a, TrackFeatures b) {
        KeyMatch.Fit key = key(a, b);
        TempoMatch.Fit tempo = tempo(a, b);
        return weighted(key == null ? NEUTRAL : key.score(), tempo == null ? NEUTRAL : tempo.score(),
                variety(a, b));
    }

    /** Every term of {@code a → b} with {@code b} at position {@code k}. */
    Parts parts(TrackFeatures a, TrackFeatures b, int k) {
        KeyMatch.Fit key = key(a, b);
        TempoMatch.Fit tempo = tempo(a, b);
        double h = key == null ? NEUTRAL : key.score();
        double t = tempo == null ? NEUTRAL : tempo.score();
        double v = variety(a, b);
        double e = energy(b, k);
        double total = weighted(h, t, v) + settings.energyWeight() * e;
        return new Parts(key, tempo, h, t, e, target(k), v, total);
    }

    private double weighted(double h, double t, double v) {
        return settings.harmonicWeight() * h + settings.tempoWeight() * t - settings.varietyWeight() * (1 - v);
    }
}
