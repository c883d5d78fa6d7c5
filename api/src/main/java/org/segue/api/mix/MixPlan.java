package org.segue.api.mix;

import java.util.List;

import org.segue.api.style.TransitionPlan;

/**
 * A mix before it is rendered: the set in order and one transition plan per adjacent pair, each
 * explained, so it can be shown, edited and previewed.
 *
 * @param order the tracks in play order with why each follows the last
 * @param transitions {@code order.tracks().size() - 1} plans, transition i from track i to i + 1
 */
public record MixPlan(SetOrder order, List<TransitionPlan> transitions) {
    public MixPlan {
        transitions = List.copyOf(transitions);
        int expected = Math.max(0, order.tracks().size() - 1);
        if (transitions.size() != expected) {
            throw new IllegalArgumentException(order.tracks().size() + " tracks need " + expected
                    + " transitions, got " + transitions.size());
        }
    }
}
