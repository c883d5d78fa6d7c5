package org.segue.api.effect;

/**
 * Ids of the effects every Segue installation has (the core effects bundle) and of their
 * parameters, so DJ styles can automate them by name. Values are in each parameter's own unit.
 *
 * <p>A style that names an effect not installed gets its lane skipped by the engine with a
 * warning; these are always installed.
 */
public interface StandardEffects {

    /** DJ three-band EQ (kill at the minimum). Parameters in dB, -26 (kill) .. +6, default 0. */
    String EQ3 = "segue.effect.eq3/1";
    String EQ3_LOW = "low";
    String EQ3_MID = "mid";
    String EQ3_HIGH = "high";

    /**
     * One-knob DJ filter: {@link #FILTER_SWEEP} -1..1, 0 = off, below 0 a resonant low-pass closing
     * towards 20 Hz at -1, above 0 a high-pass opening towards 20 kHz at 1.
     */
    String FILTER = "segue.effect.filter/1";
    String FILTER_SWEEP = "sweep";
    /** Resonance 0..1 (Q from 0.707 to about 8). */
    String FILTER_RESONANCE = "resonance";

    /** Tempo-synced echo. */
    String ECHO = "segue.effect.echo/1";
    /** Delay time in beats (0.125 .. 4). */
    String ECHO_BEATS = "beats";
    /** The tempo the beats refer to, set by the engine from the deck's current bpm. */
    String ECHO_BPM = "bpm";
    /** Feedback 0 .. 0.95. */
    String ECHO_FEEDBACK = "feedback";
    /** Wet share 0 .. 1 (0 = dry only). */
    String ECHO_MIX = "mix";

    /** Reverb: size 0..1, damping 0..1, mix 0..1. */
    String REVERB = "segue.effect.reverb/1";
    String REVERB_SIZE = "size";
    String REVERB_DAMPING = "damping";
    String REVERB_MIX = "mix";

    /** Flanger: rate Hz, depth 0..1, feedback -0.95..0.95, mix 0..1. */
    String FLANGER = "segue.effect.flanger/1";
    /** Phaser: rate Hz, depth 0..1, feedback 0..0.95, mix 0..1. */
    String PHASER = "segue.effect.phaser/1";
    /** Shared parameter ids of the modulation effects. */
    String RATE = "rate";
    String DEPTH = "depth";
    String FEEDBACK = "feedback";
    String MIX = "mix";

    /** Stereo panner: pan -1 (left) .. 1 (right), width 0 (mono) .. 2. */
    String PANNER = "segue.effect.panner/1";
    String PANNER_PAN = "pan";
    String PANNER_WIDTH = "width";

    /** Compressor: threshold dB, ratio, attack ms, release ms, makeup dB. */
    String COMPRESSOR = "segue.effect.compressor/1";
    /** Look-ahead true-peak limiter: ceiling dBTP (-12..0, default -1), release ms. */
    String LIMITER = "segue.effect.limiter/1";
    String LIMITER_CEILING = "ceiling";
    /** Noise gate: threshold dB, attack ms, hold ms, release ms. */
    String GATE = "segue.effect.gate/1";
    /** Parametric biquad: type (0 peak, 1 low shelf, 2 high shelf, 3 low-pass, 4 high-pass, 5 band-pass), frequency Hz, q, gain dB. */
    String BIQUAD = "segue.effect.biquad/1";

    /** Shared parameter ids of the dynamics effects and the biquad. */
    String THRESHOLD = "threshold";
    String RATIO = "ratio";
    String ATTACK = "attack";
    String HOLD = "hold";
    String RELEASE = "release";
    String MAKEUP = "makeup";
    String TYPE = "type";
    String FREQUENCY = "frequency";
    String Q = "q";
    String GAIN = "gain";
}
