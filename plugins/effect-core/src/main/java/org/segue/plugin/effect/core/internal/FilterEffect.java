package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** The one-knob DJ filter; see {@link FilterProcessor}. */
@Component
@SegueEffect(id = StandardEffects.FILTER)
public class FilterEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.FILTER, "DJ filter", "filter",
            List.of(Params.linear(StandardEffects.FILTER_SWEEP, "Sweep", -1, 1, 0, ParameterUnit.NONE),
                    Params.linear(StandardEffects.FILTER_RESONANCE, "Resonance", 0, 1, 0.3, ParameterUnit.NONE)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new FilterProcessor();
    }
}
