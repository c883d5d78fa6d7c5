package org.segue.api.audio;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A block of planar float samples, handed by the kernel to analyzers and effects.
 *
 * <p>The kernel reuses one block (and its arrays) for every call so the audio path does not
 * allocate. It is therefore valid only during the call it is passed to: a callee copies what it
 * needs and never keeps a reference to the block or its arrays. Effects write their output into
 * the same arrays (in-place processing).
 *
 * <p>Not thread-safe; used by the thread it was handed to, for the duration of the call.
 */
@ProviderType
public interface AudioBlock {

    /** The number of channels, {@code >= 1}. */
    int channelCount();

    /** The number of valid frames in each channel, {@code >= 0}. */
    int frames();

    /**
     * The samples of one channel. The array may be longer than {@link #frames()}; entries past
     * {@code frames()} are scratch space and mean nothing.
     *
     * @param index {@code 0..channelCount()-1}
     * @throws IndexOutOfBoundsException for another index
     */
    float[] channel(int index);

    /** The frame index, in the whole stream, of this block's first frame. */
    long position();

    /** Frames per second of the stream this block belongs to. */
    int sampleRate();
}
