package org.segue.api.effect;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The parameter changes that take effect within one block, passed with it to
 * {@link EffectProcessor#process}. Implemented by the kernel's engine; read on the audio thread.
 *
 * <p>Why events and not setters: a setter called from a REST or UI thread would race with
 * {@code process} (torn or half-applied state) or force a lock onto the audio thread; and it could
 * only take effect at a block boundary, smearing a transition's automation by up to a block. As
 * events, every change reaches the processor on its own thread, at the exact frame the plan puts
 * it on the beat, and the engine alone decides how UI gestures become events.
 *
 * <p>Events are sorted by frame offset (equal offsets in the order to apply them). Values are plain
 * values within the parameter's range. The object is valid only during the {@code process} call.
 */
@ProviderType
public interface ParameterChanges {

    /** The number of events, {@code >= 0}. */
    int size();

    /** The parameter the event changes: an index into {@link EffectDescriptor#parameters()}. */
    int parameterIndex(int event);

    /** Where in the block the change takes effect, {@code 0 <= offset < block.frames()}. */
    int frameOffset(int event);

    /** The new plain value. */
    double value(int event);
}
