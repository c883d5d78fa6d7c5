package org.segue.api.effect;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An audio effect, contributed by a plugin as a service and registered with {@link SegueEffect}
 * to set {@link #ID}. The service is a stateless factory: all DSP state lives in the
 * {@link EffectProcessor}s it creates, one per deck, bus or preview that uses the effect.
 *
 * <p>Who calls: the kernel's engine and UI services, from control threads, concurrently; the
 * service is thread-safe.
 *
 * <p>Failure: an exception from {@link #newProcessor} means the effect is unavailable for that
 * use; the kernel reports it and leaves the slot bypassed.
 *
 * <p>Example:
 * <pre>{@code
 * @Component
 * @SegueEffect(id = "segue.effect.eq3/1")
 * public class Eq3 implements Effect {
 *     static final EffectDescriptor DESCRIPTOR = new EffectDescriptor("segue.effect.eq3/1",
 *             "Three-band EQ", "eq", List.of(new ParameterDescriptor("low", "Low", -26, 6, 0,
 *             ParameterUnit.DECIBEL, ParameterScale.LINEAR, true), ...));
 *     public EffectDescriptor descriptor() { return DESCRIPTOR; }
 *     public EffectProcessor newProcessor() { return new Eq3Processor(); }
 * }
 * }</pre>
 */
@ConsumerType
public interface Effect {
    /**
     * Service property (String): the effect id with its revision, e.g. {@code segue.effect.eq3/1}.
     * Stored in transition plans; bump the revision when parameters change meaning.
     */
    String ID = "segue.effect.id";

    /** [any] What the effect is; the same value on every call. */
    EffectDescriptor descriptor();

    /**
     * [control] Creates a processor with fresh state, not yet prepared. May allocate: it never
     * runs on the audio thread.
     */
    EffectProcessor newProcessor();
}
