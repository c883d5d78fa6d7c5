package org.segue.plugin.server.http.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the api sees it, free of the servlet api so that routing, auth and limits
 * are tested in memory ({@link ApiServlet} adapts the servlet request; tests build their own).
 */
public interface ApiRequest {

    /** {@code GET}, {@code POST} … upper case. */
    String method();

    /** The decoded path, starting with {@code /api/}. */
    String path();

    /** The query parameters, each with its values in order. */
    Map<String, List<String>> query();

    /** A header's first value, or {@code null}; names are case-insensitive. */
    String header(String name);

    /** The declared body length, or -1 when unknown (chunked). */
    long contentLength();

    /** The raw body; read at most once. */
    InputStream body() throws IOException;

    /** The client's address, for limits that apply before a user is known (login). */
    String remoteAddress();
}
