package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** The DJ three-band EQ with kills; see {@link Eq3Processor} for the design. */
@Component
@SegueEffect(id = StandardEffects.EQ3)
public class Eq3Effect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.EQ3, "Three-band EQ", "eq",
            List.of(Params.linear(StandardEffects.EQ3_LOW, "Low", -26, 6, 0, ParameterUnit.DECIBEL),
                    Params.linear(StandardEffects.EQ3_MID, "Mid", -26, 6, 0, ParameterUnit.DECIBEL),
                    Params.linear(StandardEffects.EQ3_HIGH, "High", -26, 6, 0, ParameterUnit.DECIBEL)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new Eq3Processor();
    }
}
