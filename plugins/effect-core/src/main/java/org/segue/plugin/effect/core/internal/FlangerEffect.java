package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** Flanger; see {@link FlangerProcessor}. */
@Component
@SegueEffect(id = StandardEffects.FLANGER)
public class FlangerEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.FLANGER, "Flanger", "modulation",
            List.of(
                    Params.log(StandardEffects.RATE, "Rate", 0.02, 10, 0.25, ParameterUnit.HERTZ),
                    Params.linear(StandardEffects.DEPTH, "Depth", 0, 1, 0.7, ParameterUnit.NONE),
                    Params.linear(StandardEffects.FEEDBACK, "Feedback", -0.95, 0.95, 0.5, ParameterUnit.NONE),
                    Params.linear(StandardEffects.MIX, "Mix", 0, 1, 0.5, ParameterUnit.NONE)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new FlangerProcessor();
    }
}
