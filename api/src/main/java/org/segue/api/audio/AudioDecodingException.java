package org.segue.api.audio;

import java.io.IOException;

/**
 * Thrown when audio data is invalid: truncated, corrupt, unsupported or with absurd header
 * values. Distinct from other {@link IOException}s so the kernel can tell "this file is bad"
 * (report and skip it) from "the disk or network failed" (retry later).
 *
 * <p>The message always starts with the source, so a log line names the file without context.
 */
public class AudioDecodingException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * @param source the file path, URI or name hint of the bad data
     * @param message what is wrong, e.g. {@code "fmt chunk claims 4294967295 bytes"}
     */
    public AudioDecodingException(String source, String message) {
        this(source, message, null);
    }

    /**
     * @param source the file path, URI or name hint of the bad data
     * @param message what is wrong
     * @param cause the underlying failure, or {@code null}
     */
    public AudioDecodingException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The file path, URI or name hint of the bad data. */
    public String source() {
        return source;
    }
}
