package org.segue.marketplace.server.internal;

/**
 * A request the marketplace refuses, with the HTTP status, a stable machine-readable code and a
 * message for the person who sent it. Thrown before anything is stored, so a rejection never
 * leaves half a release behind.
 */
public final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public Rejection(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static Rejection badRequest(String code, String message) {
        return new Rejection(400, code, message);
    }

    public static Rejection forbidden(String code, String message) {
        return new Rejection(403, code, message);
    }

    public static Rejection conflict(String code, String message) {
        return new Rejection(409, code, message);
    }

    public static Rejection notFound(String message) {
        return new Rejection(404, "not-found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
