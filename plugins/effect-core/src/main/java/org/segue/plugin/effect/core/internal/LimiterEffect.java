package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** Look-ahead true-peak limiter; see {@link LimiterProcessor}. */
@Component
@SegueEffect(id = StandardEffects.LIMITER)
public class LimiterEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.LIMITER, "True-peak limiter", "dynamics",
            List.of(
                    Params.linear(StandardEffects.LIMITER_CEILING, "Ceiling", -12, 0, -1, ParameterUnit.DECIBEL),
                    Params.log(StandardEffects.RELEASE, "Release", 1, 1000, 100, ParameterUnit.MILLISECONDS)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new LimiterProcessor();
    }
}
