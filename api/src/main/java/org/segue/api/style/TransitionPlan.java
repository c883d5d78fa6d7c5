package org.segue.api.style;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to mix from one track into the next: the output of a {@link DjStyle}, played by the engine.
 *
 * <p>The timeline is in beats of the master clock, whose tempo {@link #tempoRamp()} gives: beat 0
 * is the moment the transition starts, when the outgoing deck is at {@code outgoingCueSeconds} and
 * the incoming deck at {@code incomingCueSeconds}; the transition ends after
 * {@link #lengthBeats()}, when the outgoing deck stops. When {@code beatMatched}, both decks are
 * time-stretched to the master tempo and their beat grids aligned at beat 0, so both cues should
 * sit on beats (on downbeats, for phrase-aligned mixing); otherwise each deck plays at its own
 * tempo and the beats only time the automation.
 *
 * @param styleId the {@link DjStyle#ID} of the style that planned it
 * @param outgoingCueSeconds position in the outgoing track at beat 0, finite, {@code >= 0}
 * @param incomingCueSeconds position in the incoming track at beat 0, finite; negative when the
 *        incoming track starts after beat 0 (the deck plays silence until its position reaches 0)
 * @param lengthBars length of the transition in bars, {@code >= 1}
 * @param beatsPerBar beats in a bar, {@code >= 1}
 * @param beatMatched whether the decks are tempo- and phase-locked
 * @param tempoRamp the master tempo over the transition; ramp beats within the length
 * @param incomingPitchShiftSemitones key shift applied to the incoming deck (independent of tempo),
 *        {@code -12..12}, for harmonic mixing
 * @param lanes parameter automation; at most one lane per deck, effect and parameter, points within
 *        the length; copied
 * @param explanation one or two sentences for the user on why the transition was made this way,
 *        e.g. "16-bar bass swap on the outro; both tracks in 8A"; never {@code null}
 */
public record TransitionPlan(String styleId, double outgoingCueSeconds, double incomingCueSeconds, int lengthBars,
        int beatsPerBar, boolean beatMatched, TempoRamp tempoRamp, double incomingPitchShiftSemitones,
        List<AutomationLane> lanes, String explanation) {

    /** Validates and copies. */
    public TransitionPlan {
        Objects.requireNonNull(styleId, "styleId");
        Objects.requireNonNull(tempoRamp, "tempoRamp");
        Objects.requireNonNull(explanation, "explanation");
        if (styleId.isBlank()) {
            throw new IllegalArgumentException("styleId must not be blank");
        }
        if (!(outgoingCueSeconds >= 0 && outgoingCueSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("outgoingCueSeconds must be finite and >= 0: " + outgoingCueSeconds);
        }
        if (!Double.isFinite(incomingCueSeconds)) {
            throw new IllegalArgumentException("incomingCueSeconds must be finite: " + incomingCueSeconds);
        }
        if (lengthBars < 1 || beatsPerBar < 1) {
            throw new IllegalArgumentException("lengthBars and beatsPerBar must be >= 1: " + lengthBars + ", " + beatsPerBar);
        }
        double lengthBeats = (double) lengthBars * beatsPerBar;
        if (lengthBeats > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("transition too long: " + lengthBars + " bars");
        }
        if (tempoRamp.endBeat() > lengthBeats) {
            throw new IllegalArgumentException("tempo ramp ends after the transition: " + tempoRamp.endBeat());
        }
        if (!(incomingPitchShiftSemitones >= -12 && incomingPitchShiftSemitones <= 12)) {
            throw new IllegalArgumentException("incomingPitchShiftSemitones must be in [-12,12]: " + incomingPitchShiftSemitones);
        }
        lanes = List.copyOf(lanes);
        Set<List<Object>> targets = new HashSet<>();
        for (AutomationLane lane : lanes) {
            if (!targets.add(List.of(lane.deck(), lane.effectId(), lane.parameterId()))) {
                throw new IllegalArgumentException("two lanes for " + lane.deck() + " " + lane.effectId() + " " + lane.parameterId());
            }
            if (lane.points().get(lane.points().size() - 1).beat() > lengthBeats) {
                throw new IllegalArgumentException("lane " + lane.effectId() + " " + lane.parameterId() + " runs past the transition");
            }
        }
    }

    /** The length of the transition in beats. */
    public int lengthBeats() {
        return lengthBars * beatsPerBar;
    }
}
