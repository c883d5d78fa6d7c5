package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** Stereo panner; see {@link PannerProcessor}. */
@Component
@SegueEffect(id = StandardEffects.PANNER)
public class PannerEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.PANNER, "Panner", "utility",
            List.of(
                    Params.linear(StandardEffects.PANNER_PAN, "Pan", -1, 1, 0, ParameterUnit.NONE),
                    Params.linear(StandardEffects.PANNER_WIDTH, "Width", 0, 2, 1, ParameterUnit.NONE)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new PannerProcessor();
    }
}
