package org.segue.plugin.server.http.internal.music;

/**
 * Input from a request that the music services cannot use, with the request field at fault, so the
 * HTTP layer can answer 400 with a problem whose {@code field} names it.
 */
public class BadInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the request field at fault (e.g. {@code "arc"}), or {@code null} for the body as a whole
     * @param message what is wrong, for the user
     */
    public BadInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * @param field the request field at fault, or {@code null}
     * @param message what is wrong, for the user
     * @param cause the underlying failure
     */
    public BadInputException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The request field at fault, or {@code null} when the input as a whole is. */
    public String field() {
        return field;
    }
}
