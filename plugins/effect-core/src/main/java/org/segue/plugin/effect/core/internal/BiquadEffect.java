package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** A parametric RBJ biquad; see {@link BiquadProcessor}. */
@Component
@SegueEffect(id = StandardEffects.BIQUAD)
public class BiquadEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.BIQUAD, "Parametric filter",
            "filter", List.of(
                    Params.linear(StandardEffects.TYPE, "Type", 0, 5, 0, ParameterUnit.NONE),
                    Params.log(StandardEffects.FREQUENCY, "Frequency", 20, 20000, 1000, ParameterUnit.HERTZ),
                    Params.log(StandardEffects.Q, "Q", 0.1, 18, Math.sqrt(0.5), ParameterUnit.NONE),
                    Params.linear(StandardEffects.GAIN, "Gain", -24, 24, 0, ParameterUnit.DECIBEL)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new BiquadProcessor();
    }
}
