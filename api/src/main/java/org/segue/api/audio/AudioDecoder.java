package org.segue.api.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A decoder for one family of audio formats (WAV, FLAC, MP3…), contributed by a plugin as a
 * service. Register it with {@link SegueDecoder} to set {@link #EXTENSIONS} and
 * {@link #MIME_TYPES}.
 *
 * <p>Who calls: the kernel's decoder registry, from worker threads, concurrently. It picks
 * candidates by extension or MIME type, confirms with {@link #accepts}, then opens. Implementations
 * are stateless and thread-safe; each {@link PcmSource} they return is used by one thread.
 *
 * <p>Failure: files are untrusted input. Bad data (truncated, corrupt, absurd sizes in headers)
 * raises {@link AudioDecodingException} naming the file; a decoder never hangs, never allocates
 * according to a size it has not checked against the file length and sane limits, and never
 * throws an unchecked exception for bad data (the kernel treats those as decoder bugs).
 *
 * <p>Example:
 * <pre>{@code
 * @Component
 * @SegueDecoder(extensions = {"wav", "wave"}, mimetypes = {"audio/wav", "audio/x-wav"})
 * public class WavDecoder implements AudioDecoder { ... }
 * }</pre>
 */
@ConsumerType
public interface AudioDecoder {
    /** Service property (String[]): lower-case file extensions without the dot, e.g. {@code flac}. */
    String EXTENSIONS = "segue.decoder.extensions";
    /** Service property (String[]): MIME types, e.g. {@code audio/flac}. */
    String MIME_TYPES = "segue.decoder.mimetypes";
    /** The most header bytes {@link #accepts} is given. */
    int HEADER_LENGTH = 64;

    /**
     * Tells whether this decoder can read the data, by its magic bytes (and the name only as a
     * tie-breaker). Must be cheap: no I/O.
     *
     * @param fileName the file name or name hint, or {@code null} when unknown
     * @param header the first bytes of the data: at most {@value #HEADER_LENGTH}, fewer for a
     *        shorter file
     * @return true when {@link #open} is expected to succeed
     */
    boolean accepts(String fileName, byte[] header);

    /**
     * Opens a file for decoding. Reads only the headers here; samples are decoded on
     * {@link PcmSource#read}.
     *
     * @throws AudioDecodingException if the headers are invalid or unsupported
     * @throws IOException if the file cannot be read
     */
    PcmSource open(Path file) throws IOException;

    /**
     * Opens a stream for decoding (downloads, connector audio). The returned source owns the stream
     * and closes it on {@link PcmSource#close()}; if this method throws, the caller still owns it.
     *
     * @param nameHint a name for error messages and format hints, e.g. the remote file name
     * @throws AudioDecodingException if the headers are invalid or unsupported
     * @throws IOException if the stream cannot be read
     */
    PcmSource open(InputStream stream, String nameHint) throws IOException;

    /**
     * Reads the file's metadata tags without decoding audio.
     *
     * @return the tags, {@link TrackTags#empty()} when the file has none
     * @throws AudioDecodingException if the tag data is corrupt
     * @throws IOException if the file cannot be read
     */
    TrackTags readTags(Path file) throws IOException;
}
