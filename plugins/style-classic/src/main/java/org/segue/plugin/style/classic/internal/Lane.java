package org.segue.plugin.style.classic.internal;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.AutomationPoint;
import org.segue.api.style.Deck;
import org.segue.api.style.RampShape;

/** Builds one {@link AutomationLane} point by point; the lane record validates the result. */
final class Lane {

    /** The EQ level of a killed band ({@link StandardEffects#EQ3}'s minimum). */
    static final double KILL_DB = -26;
    /** How long a bass swap takes: short enough to land on the beat, long enough not to click. */
    static final double SWAP_BEATS = 0.125;

    private final Deck deck;
    private final String effectId;
    private final String parameterId;
    private final List<AutomationPoint> points = new ArrayList<>();

    private Lane(Deck deck, String effectId, String parameterId) {
        this.deck = deck;
        this.effectId = effectId;
        this.parameterId = parameterId;
    }

    static Lane of(Deck deck, String effectId, String parameterId) {
        return new Lane(deck, effectId, parameterId);
    }

    /** The deck's channel fader, linear {@code 0..1}. */
    static Lane volume(Deck deck) {
        return new Lane(deck, AutomationLane.MIXER, AutomationLane.VOLUME);
    }

    /** A parameter held at one value for the whole transition. */
    static AutomationLane constant(Deck deck, String effectId, String parameterId, double value) {
        return of(deck, effectId, parameterId).at(0, value).build();
    }

    /**
     * The bass swap: the incoming's low band killed and the outgoing's open until just before
     * {@code beat}, both turned over in {@link #SWAP_BEATS} so the swap completes exactly on it. The
     * two curves are mirror images, so at no moment are both lows near full level.
     */
    static List<AutomationLane> bassSwap(double beat) {
        double start = beat - SWAP_BEATS;
        return List.of(
                of(Deck.INCOMING, StandardEffects.EQ3, StandardEffects.EQ3_LOW)
                        .at(start, KILL_DB, RampShape.S_CURVE).at(beat, 0).build(),
                of(Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_LOW)
                        .at(start, 0, RampShape.S_CURVE).at(beat, KILL_DB).build());
    }

    /** Adds a point that moves on to the next one along {@code shape}. */
    Lane at(double beat, double value, RampShape shape) {
        points.add(new AutomationPoint(beat, value, shape));
        return this;
    }

    /** Adds a point that moves on in a straight line. */
    Lane at(double beat, double value) {
        return at(beat, value, RampShape.LINEAR);
    }

    /**
     * Adds a switch: the value held until {@code beat}, where it jumps. Used for cuts and EQ kills,
     * landing exactly on a downbeat.
     */
    Lane hold(double beat, double value) {
        return at(beat, value, RampShape.HOLD);
    }

    AutomationLane build() {
        return new AutomationLane(deck, effectId, parameterId, points);
    }
}
