package org.segue.plugin.server.http.internal.web;

import java.util.List;

/**
 * Cross-origin policy. The web UI is served by this server (same origin) and needs nothing; other
 * origins are allowed only when configured. Browsers send no credentials for us (the token is in a
 * header the page sets, never a cookie), so there is no CSRF surface to defend here.
 */
final class Cors {

    static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String HEADERS = "Authorization, Content-Type, Range";
    static final String EXPOSED = "Location, Retry-After, Content-Range, Content-Length";

    private final List<String> allowed;

    Cors(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** True when a request from {@code origin} may read the answer. */
    boolean allows(String origin) {
        return origin != null && (allowed.contains("*") || allowed.contains(origin));
    }

    /** Adds the headers that let an allowed origin read {@code reply}. */
    void decorate(String origin, Reply reply) {
        if (!allows(origin)) {
            return;
        }
        reply.header("Access-Control-Allow-Origin", allowed.contains("*") ? "*" : origin);
        reply.header("Access-Control-Expose-Headers", EXPOSED);
        if (!allowed.contains("*")) {
            reply.header("Vary", "Origin");
        }
    }

    /** The answer to a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}). */
    Reply preflight(String origin) {
        if (!allows(origin)) {
            return Reply.problem(ApiException.forbidden("origin " + origin + " is not allowed"), null);
        }
        Reply r = Reply.noContent();
        decorate(origin, r);
        r.header("Access-Control-Allow-Methods", METHODS);
        r.header("Access-Control-Allow-Headers", HEADERS);
        r.header("Access-Control-Max-Age", "600");
        return r;
    }
}
