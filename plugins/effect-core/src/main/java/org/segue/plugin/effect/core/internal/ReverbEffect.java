package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** Feedback-delay-network reverb; see {@link ReverbProcessor}. */
@Component
@SegueEffect(id = StandardEffects.REVERB)
public class ReverbEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.REVERB, "Reverb", "reverb",
            List.of(
                    Params.linear(StandardEffects.REVERB_SIZE, "Size", 0, 1, 0.5, ParameterUnit.NONE),
                    Params.linear(StandardEffects.REVERB_DAMPING, "Damping", 0, 1, 0.5, ParameterUnit.NONE),
                    Params.linear(StandardEffects.REVERB_MIX, "Mix", 0, 1, 0.3, ParameterUnit.NONE)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new ReverbProcessor();
    }
}
