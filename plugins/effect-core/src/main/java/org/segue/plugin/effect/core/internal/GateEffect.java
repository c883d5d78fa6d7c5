package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** Noise gate with hysteresis; see {@link GateProcessor}. */
@Component
@SegueEffect(id = StandardEffects.GATE)
public class GateEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.GATE, "Noise gate", "dynamics",
            List.of(
                    Params.linear(StandardEffects.THRESHOLD, "Threshold", -80, 0, -40, ParameterUnit.DECIBEL),
                    Params.log(StandardEffects.ATTACK, "Attack", 0.1, 50, 1, ParameterUnit.MILLISECONDS),
                    Params.linear(StandardEffects.HOLD, "Hold", 0, 500, 50, ParameterUnit.MILLISECONDS),
                    Params.log(StandardEffects.RELEASE, "Release", 5, 2000, 150, ParameterUnit.MILLISECONDS),
                    Params.linear(GateProcessor.HYSTERESIS, "Hysteresis", 0, 12, 4, ParameterUnit.DECIBEL)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new GateProcessor();
    }
}
