package org.segue.api.mix;

import java.util.List;
import java.util.Objects;

/**
 * A set in play order, with one {@link TransitionScore} per adjacent pair.
 *
 * @param tracks the tracks in play order
 * @param transitions {@code tracks.size() - 1} entries, transition i from track i to i + 1
 * @param score the planner's objective for the whole order (higher is better)
 * @param planner the id of the planner that made it
 */
public record SetOrder(List<SetTrack> tracks, List<TransitionScore> transitions, double score, String planner) {
    public SetOrder {
        tracks = List.copyOf(tracks);
        transitions = List.copyOf(transitions);
        Objects.requireNonNull(planner, "planner");
        if (!tracks.isEmpty() && transitions.size() != tracks.size() - 1) {
            throw new IllegalArgumentException(tracks.size() + " tracks need " + (tracks.size() - 1)
                    + " transitions, got " + transitions.size());
        }
    }
}
