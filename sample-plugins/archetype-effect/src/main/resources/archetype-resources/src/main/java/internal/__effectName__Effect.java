package ${package}.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterDescriptor;
import org.segue.api.effect.ParameterScale;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;

/**
 * ${effectName}: for now a smoothed gain knob, the simplest effect that passes Segue's conformance
 * suite. Change the parameters here and the sound in {@link ${effectName}Processor}.
 *
 * <p>{@code @Component} makes this a Declarative Services component Segue finds as an
 * {@link Effect} service; {@code @SegueEffect} sets the id by which DJ styles and mix plans name it.
 * The service is only a factory: Segue asks it for one processor per deck that uses the effect.
 */
@Component
@SegueEffect(id = ${effectName}Effect.ID)
public class ${effectName}Effect implements Effect {

    /** The id with its revision: stored in mix plans, so it never changes; bump the revision instead. */
    public static final String ID = "${effectId}";

    /** Gain in decibels, -60 (almost silent) .. +12. */
    public static final String GAIN = "gain";

    /** The parameters, in the order of their indices in {@code ParameterChanges}. */
    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "${effectName}", "utility", List.of(
            new ParameterDescriptor(GAIN, "Gain", -60, 12, 0, ParameterUnit.DECIBEL, ParameterScale.LINEAR, true)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new ${effectName}Processor();
    }
}
