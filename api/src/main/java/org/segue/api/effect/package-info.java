/**
 * Real-time audio effects: EQs, filters, echoes, reverbs… applied to decks and the master bus.
 *
 * <p>An effect plugin registers an {@link org.segue.api.effect.Effect} service: a stateless
 * factory that describes the effect and creates {@link org.segue.api.effect.EffectProcessor}s,
 * one per place the effect is used. A processor holds all DSP state and runs on the audio thread
 * under real-time rules; parameters reach it only as sample-accurate
 * {@link org.segue.api.effect.ParameterChanges} passed with each block.
 *
 * <p>Methods are tagged with the thread they are called on, as in CLAP:
 * <ul>
 * <li>{@code [control]}: a kernel control thread; may allocate and block briefly.</li>
 * <li>{@code [audio]}: the audio thread; must not allocate, lock, do I/O, log or throw, because any
 * of those can miss the deadline of the sound card and be heard as a click.</li>
 * <li>{@code [any]}: either; must be cheap and non-blocking.</li>
 * </ul>
 *
 * <p>Versioning: consumers (effect implementers) import {@code [1.0,2)}; providers of
 * {@link org.segue.api.effect.ParameterChanges} (the kernel's engine, test kits) import
 * {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package org.segue.api.effect;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
