package org.segue.plugin.effect.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;
import org.segue.api.effect.StandardEffects;

/** Feed-forward compressor with soft knee; see {@link CompressorProcessor}. */
@Component
@SegueEffect(id = StandardEffects.COMPRESSOR)
public class CompressorEffect implements Effect {

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(StandardEffects.COMPRESSOR, "Compressor", "dynamics",
            List.of(
                    Params.linear(StandardEffects.THRESHOLD, "Threshold", -60, 0, -18, ParameterUnit.DECIBEL),
                    Params.log(StandardEffects.RATIO, "Ratio", 1, 20, 4, ParameterUnit.RATIO),
                    Params.log(StandardEffects.ATTACK, "Attack", 0.1, 100, 10, ParameterUnit.MILLISECONDS),
                    Params.log(StandardEffects.RELEASE, "Release", 10, 2000, 150, ParameterUnit.MILLISECONDS),
                    Params.linear(StandardEffects.MAKEUP, "Makeup", 0, 24, 0, ParameterUnit.DECIBEL),
                    Params.linear(CompressorProcessor.KNEE, "Knee", 0, 24, 6, ParameterUnit.DECIBEL),
                    Params.linear(CompressorProcessor.DETECTOR, "Detector (0 peak, 1 RMS)", 0, 1, 0, ParameterUnit.NONE)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new CompressorProcessor();
    }
}
