package org.segue.plugin.server.http.internal.music;

/** A request body over its limit (HTTP 413); thrown while streaming, so nothing past the limit is kept. */
public final class TooLargeException extends BadInputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field the request field or {@code "body"}
     * @param limitBytes the limit that was passed
     */
    public TooLargeException(String field, long limitBytes) {
        super(field, "larger than the limit of " + limitBytes + " bytes");
    }
}
