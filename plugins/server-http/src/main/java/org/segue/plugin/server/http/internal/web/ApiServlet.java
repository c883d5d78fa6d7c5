package org.segue.plugin.server.http.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one servlet of the api, registered on the Servlet Whiteboard at {@code /api/*}: adapts the
 * servlet request to {@link ApiRequest}, lets {@link Api} answer, writes the {@link Reply}.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Api api;

    public ApiServlet(Api api) {
        this.api = api;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Reply reply = api.handle(new ServletRequestView(req));
        resp.setStatus(reply.status());
        reply.headers().forEach(resp::setHeader);
        if (reply.contentType() != null) {
            resp.setContentType(reply.contentType());
        }
        if (reply.status() == 204 || "HEAD".equals(req.getMethod())) {
            return;
        }
        if (reply.body() != null) {
            if (reply.length() >= 0) {
                resp.setContentLengthLong(reply.length());
            }
            try (OutputStream out = resp.getOutputStream()) {
                reply.body().writeTo(out);
            }
        } else if (reply.json() != null) {
            byte[] bytes = api.mapper().writeValueAsBytes(reply.json());
            resp.setContentLength(bytes.length);
            try (OutputStream out = resp.getOutputStream()) {
                out.write(bytes);
            }
        }
    }

    /** The servlet request seen as an {@link ApiRequest}. */
    private static final class ServletRequestView implements ApiRequest {
        private final HttpServletRequest req;
        private Map<String, List<String>> query;

        ServletRequestView(HttpServletRequest req) {
            this.req = req;
        }

        @Override
        public String method() {
            return req.getMethod();
        }

        @Override
        public String path() {
            String info = req.getPathInfo();
            return req.getServletPath() + (info == null ? "" : info);
        }

        @Override
        public Map<String, List<String>> query() {
            if (query == null) {
                query = parseQuery(req.getQueryString()); // lazily: a malformed query is the route's 400
            }
            return query;
        }

        @Override
        public String header(String name) {
            return req.getHeader(name);
        }

        @Override
        public long contentLength() {
            return req.getContentLengthLong();
        }

        @Override
        public InputStream body() throws IOException {
            return req.getInputStream();
        }

        @Override
        public String remoteAddress() {
            return req.getRemoteAddr();
        }
    }

    /** Query parameters in order, decoded; the servlet's own parser would also read form bodies. */
    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException malformed) {
                throw ApiException.badRequest("the query string is malformed: " + raw);
            }
        }
        return out;
    }
}
