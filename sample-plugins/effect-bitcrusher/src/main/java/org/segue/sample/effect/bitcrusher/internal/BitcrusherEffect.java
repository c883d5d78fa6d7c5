package org.segue.sample.effect.bitcrusher.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterDescriptor;
import org.segue.api.effect.ParameterScale;
import org.segue.api.effect.ParameterUnit;
import org.segue.api.effect.SegueEffect;

/**
 * A bitcrusher: the lo-fi sound of early samplers and game consoles, made by keeping fewer bits of
 * each sample (coarse steps, a gritty noise floor) and fewer samples per second (each one held for
 * several frames, so high notes alias into metallic tones).
 *
 * <p>This class is the service Segue finds: {@code @Component} makes it a Declarative Services
 * component, and {@code @SegueEffect} sets the service property {@code segue.effect.id} by which DJ
 * styles and mix plans name the effect. It is only a factory and keeps no state: Segue asks it for
 * one {@link BitcrusherProcessor} per deck that uses the effect, and the sound is made there.
 */
@Component
@SegueEffect(id = BitcrusherEffect.ID)
public class BitcrusherEffect implements Effect {

    /**
     * The id with its revision. Mix plans store it, so it never changes; if a parameter ever changes
     * meaning, the revision goes to {@code /2}.
     */
    public static final String ID = "sample.effect.bitcrusher/1";

    /** Bit depth, 1 (three levels: -1, 0, 1) .. 16 (CD quality). Fractions give steps in between. */
    public static final String BITS = "bits";
    /** Hold each sample for this many frames: 1 leaves the rate alone, 4 at 48 kHz sounds like 12 kHz. */
    public static final String DOWNSAMPLE = "downsample";
    /** How much of the crushed sound is heard: 0 only the input, 1 only the crushed signal. */
    public static final String MIX = "mix";

    // The parameters' order is their index in ParameterChanges: fixed for revision /1.
    static final int BITS_INDEX = 0;
    static final int DOWNSAMPLE_INDEX = 1;
    static final int MIX_INDEX = 2;

    static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Bitcrusher", "distortion", List.of(
            new ParameterDescriptor(BITS, "Bits", 1, 16, 8, ParameterUnit.NONE, ParameterScale.LINEAR, true),
            // Logarithmic: each equal turn of the knob halves or doubles the rate, as the ear hears it.
            new ParameterDescriptor(DOWNSAMPLE, "Downsample", 1, 32, 4, ParameterUnit.RATIO, ParameterScale.LOGARITHMIC, true),
            new ParameterDescriptor(MIX, "Mix", 0, 1, 1, ParameterUnit.NONE, ParameterScale.LINEAR, true)));

    @Override
    public EffectDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EffectProcessor newProcessor() {
        return new BitcrusherProcessor();
    }
}
