package org.segue.api.style;

import java.util.List;
import java.util.Objects;

/**
 * The movement of one effect parameter on one deck during a transition.
 *
 * <p>The engine inserts every effect a plan's lanes name on the deck for the duration of the
 * transition. Deck volume is not an effect of any plugin: it is the engine's channel fader,
 * addressed as effect {@link #MIXER}, parameter {@link #VOLUME}.
 *
 * @param deck where the effect sits
 * @param effectId the effect's {@link org.segue.api.effect.Effect#ID}, or {@link #MIXER}
 * @param parameterId the {@link org.segue.api.effect.ParameterDescriptor#id()}
 * @param points at least one, beats strictly increasing; before the first point the parameter
 *        holds the first value, after the last the last value; copied
 */
public record AutomationLane(Deck deck, String effectId, String parameterId, List<AutomationPoint> points) {
    /** The effect id of each deck's channel fader, always present. */
    public static final String MIXER = "segue.mixer/1";
    /** The channel fader's volume: linear amplitude {@code 0..1}, 1 leaving the signal unchanged. */
    public static final String VOLUME = "volume";

    /** Validates and copies. */
    public AutomationLane {
        Objects.requireNonNull(deck, "deck");
        Objects.requireNonNull(effectId, "effectId");
        Objects.requireNonNull(parameterId, "parameterId");
        if (effectId.isBlank() || parameterId.isBlank()) {
            throw new IllegalArgumentException("effectId and parameterId must not be blank");
        }
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a lane needs at least one point");
        }
        for (int i = 1; i < points.size(); i++) {
            AutomationPoint previous = points.get(i - 1);
            AutomationPoint point = points.get(i);
            if (!(point.beat() > previous.beat())) {
                throw new IllegalArgumentException("point beats must strictly increase at index " + i);
            }
            if (previous.shapeToNext() == RampShape.EXPONENTIAL && !(previous.value() * point.value() > 0)) {
                throw new IllegalArgumentException("an exponential ramp needs non-zero ends of one sign at index " + i);
            }
        }
    }

    /** The parameter's value at a beat, following the points' ramp shapes. */
    public double valueAt(double beat) {
        AutomationPoint first = points.get(0);
        if (!(beat > first.beat())) {
            return first.value();
        }
        for (int i = 1; i < points.size(); i++) {
            AutomationPoint next = points.get(i);
            if (beat < next.beat()) {
                AutomationPoint from = points.get(i - 1);
                double fraction = (beat - from.beat()) / (next.beat() - from.beat());
                return from.shapeToNext().interpolate(from.value(), next.value(), fraction);
            }
        }
        return points.get(points.size() - 1).value();
    }
}
