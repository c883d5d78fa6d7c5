package org.segue.plugin.server.http.internal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: a status, headers and either a value written as JSON or a streamed body
 * (audio, files). Built by routes, written by {@link ApiServlet} (or read by tests).
 */
public final class Reply {

    /** Writes a streamed body; may be called once, on the request's thread. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Object json;
    private final Body body;
    private final String contentType;
    private final long length;

    private Reply(int status, Object json, Body body, String contentType, long length) {
        this.status = status;
        this.json = json;
        this.body = body;
        this.contentType = contentType;
        this.length = length;
    }

    public static Reply ok(Object value) {
        return new Reply(200, value, null, "application/json; charset=utf-8", -1);
    }

    public static Reply json(int status, Object value) {
        return new Reply(status, value, null, "application/json; charset=utf-8", -1);
    }

    public static Reply created(Object value, String location) {
        return json(201, value).header("Location", location);
    }

    /** 202 for work handed to a job: the job body and where to poll it. */
    public static Reply accepted(Object job, String location) {
        return json(202, job).header("Location", location);
    }

    public static Reply noContent() {
        return new Reply(204, null, null, null, 0);
    }

    /**
     * A streamed body.
     *
     * @param length the byte count when known (sets Content-Length), else -1
     */
    public static Reply stream(int status, String contentType, long length, Body body) {
        return new Reply(status, null, body, contentType, length);
    }

    /** A problem answer. */
    public static Reply problem(ApiException e, String instance) {
        Reply r = new Reply(e.status(), e.problem(instance), null, Problem.MEDIA_TYPE, -1);
        e.headers().forEach(r::header);
        return r;
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The value to write as JSON, or {@code null} for a streamed or empty body. */
    public Object json() {
        return json;
    }

    public Body body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public long length() {
        return length;
    }
}
