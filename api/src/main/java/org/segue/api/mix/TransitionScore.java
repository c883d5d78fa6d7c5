package org.segue.api.mix;

import java.util.Objects;

/**
 * Why one track follows another in a set: each part of the score in 0..1 (1 = ideal), the pitch
 * shift applied to the incoming track, and the reason in words.
 *
 * @param fromId the outgoing track
 * @param toId the incoming track
 * @param harmonic key compatibility (same key, Camelot neighbour, relative …) after the pitch shift
 * @param tempo tempo proximity, half/double time aware
 * @param energy how well the incoming track's energy meets the arc at its position
 * @param variety 0 when the same artist plays twice in a row, else 1
 * @param total the weighted total the planner maximised
 * @param pitchShiftSemitones the shift of the incoming track that makes the keys fit (0 for none)
 * @param explanation e.g. "8A → 9A: Camelot neighbour; 124 → 126 bpm (+1.6%); energy rising to the peak"
 */
public record TransitionScore(String fromId, String toId, double harmonic, double tempo, double energy,
        double variety, double total, double pitchShiftSemitones, String explanation) {
    public TransitionScore {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(explanation, "explanation");
    }
}
