package org.segue.plugin.server.http.internal.web;

import java.util.Map;

/**
 * A request that cannot be served, answered as {@code application/problem+json} (RFC 9457) with
 * the status, a human sentence and, when one request field is at fault, its name.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String field;
    private final Map<String, String> headers;

    public ApiException(int status, String title, String detail, String field, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, null, null);
    }

    /** 400: one field of the request is wrong. */
    public static ApiException badField(String field, String detail) {
        return new ApiException(400, "Bad request", detail, field, null);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, null, Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    /** 404, also for what exists but belongs to someone else: the caller never learns which. */
    public static ApiException notFound(String what) {
        return new ApiException(404, "Not found", what + " does not exist");
    }

    public static ApiException conflict(String detail, String field) {
        return new ApiException(409, "Conflict", detail, field, null);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "Content too large", detail);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "Unsupported media type", detail);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "Too many requests", detail, null,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The problem body. */
    public Problem problem(String instance) {
        return new Problem("about:blank", title, status, getMessage(), instance, field);
    }
}
