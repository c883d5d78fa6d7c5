/**
 * Decoded audio as streaming PCM, and the decoders that produce it.
 *
 * <p>Audio is never held whole in memory: a decoder plugin registers an
 * {@link org.segue.api.audio.AudioDecoder} service, the kernel opens a
 * {@link org.segue.api.audio.PcmSource} per file and pulls blocks from it, handing each one to
 * analyzers and effects as an {@link org.segue.api.audio.AudioBlock}. Samples are {@code float}
 * in {@code [-1, 1]}, planar (one array per channel), so a DSP loop over one channel touches
 * contiguous memory.
 *
 * <p>Versioning: consumers (decoder implementers and callers) import {@code [1.0,2)}; providers of
 * {@link org.segue.api.audio.AudioBlock} (the kernel, test kits) import {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package org.segue.api.audio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
