package org.segue.api.audio;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A decoded PCM stream, pulled block by block; implemented by decoder plugins and returned by
 * {@link AudioDecoder#open}.
 *
 * <p>Who calls: one kernel worker thread (an analysis or playback-feeder thread, never the audio
 * thread, since reads may block on I/O). Not thread-safe: one consumer thread at a time, and the
 * kernel guarantees happens-before between successive calls.
 *
 * <p>Failure: corrupt or truncated input raises {@link AudioDecodingException} from
 * {@link #read}; the kernel then calls {@link #close()}. A source never loops forever on bad data
 * and never allocates according to an unchecked size read from the stream.
 */
@ConsumerType
public interface PcmSource extends AutoCloseable {

    /** The format of the decoded samples; constant for the life of the source. */
    AudioFormat format();

    /** The total number of frames, or {@code -1} when unknown (streams, some VBR files). */
    long frameLength();

    /**
     * Reads up to {@code maxFrames} frames into {@code destination[channel][offset ..]}. Blocks
     * until at least one frame is available or the stream ends; returns {@code 0} only when
     * {@code maxFrames} is {@code 0}, so callers can loop without spinning.
     *
     * @param destination one array per channel ({@code format().channels()} of them), each at least
     *        {@code offset + maxFrames} long
     * @param offset the first index to write in each array
     * @param maxFrames the most frames to read
     * @return the number of frames read, or {@code -1} at the end of the stream
     * @throws AudioDecodingException if the data is corrupt or truncated
     * @throws IOException if reading the underlying file or stream fails
     */
    int read(float[][] destination, int offset, int maxFrames) throws IOException;

    /** True when {@link #seek} is supported. */
    boolean seekable();

    /**
     * Moves so that the next {@link #read} starts at frame {@code frame}. Seeking to or past the end
     * makes the next read return {@code -1}.
     *
     * @param frame the frame index, {@code >= 0}
     * @throws UnsupportedOperationException when {@link #seekable()} is false
     * @throws IOException if repositioning the underlying data fails
     */
    void seek(long frame) throws IOException;

    /** Releases the file or stream; further calls to the source are not allowed. Idempotent. */
    @Override
    void close() throws IOException;
}
