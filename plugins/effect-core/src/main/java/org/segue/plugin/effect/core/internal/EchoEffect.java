package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** Tempo-synced echo; see {@link EchoProcessor}. */
@Component
@SegueEffect(id = StandardEffects.ECHO)
public class EchoEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.ECHO, "Echo", "delay",
            List.of(
                    Params.log(StandardEffects.ECHO_BEATS, "Beats", 0.125, 4, 0.5, ParameterUnit.BEATS),
                    Params.linear(StandardEffects.ECHO_BPM, "Tempo (bpm)", 40, 250, 120, ParameterUnit.NONE),
                    Params.linear(StandardEffects.ECHO_FEEDBACK, "Feedback", 0, 0.95, 0.5, ParameterUnit.NONE),
                    Params.linear(StandardEffects.ECHO_MIX, "Mix", 0, 1, 0.5, ParameterUnit.NONE)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new EchoProcessor();
    }
}
