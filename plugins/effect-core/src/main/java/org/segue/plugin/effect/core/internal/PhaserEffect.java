package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** Six-stage phaser; see {@link PhaserProcessor}. */
@Component
@SegueEffect(id = StandardEffects.PHASER)
public class PhaserEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.PHASER, "Phaser", "modulation",
            List.of(
                    Params.log(StandardEffects.RATE, "Rate", 0.02, 10, 0.5, ParameterUnit.HERTZ),
                    Params.linear(StandardEffects.DEPTH, "Depth", 0, 1, 0.7, ParameterUnit.NONE),
                    Params.linear(StandardEffects.FEEDBACK, "Feedback", 0, 0.95, 0.4, ParameterUnit.NONE),
                    Params.linear(StandardEffects.MIX, "Mix", 0, 1, 0.5, ParameterUnit.NONE)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new PhaserProcessor();
    }
}
