package org.segue.marketplace.server.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.segue.marketplace.server.internal.Rejection;

/** What every servlet of the marketplace shares: JSON out, errors out, bounded bodies in. */
final class HttpSupport {

    /** The header carrying the Base64 Ed25519 signature of a signed request's document. */
    static final String SIGNATURE_HEADER = "Segue-Signature";

    private HttpSupport() {
    }

    static void json(ObjectMapper json, HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** {@code {"error": code, "message": text}} with the rejection's status. */
    static void error(ObjectMapper json, HttpServletResponse resp, Rejection r) throws IOException {
        if (r.status() == 413) {
            // The rest of an oversized body is not read: tell the client the connection ends here.
            resp.setHeader("Connection", "close");
        }
        json(json, resp, r.status(), Map.of("error", r.code(), "message", r.getMessage()));
    }

    /** Reads the whole body, refusing more than {@code max} bytes whatever Content-Length claims. */
    static byte[] body(HttpServletRequest req, int max) throws IOException, Rejection {
        long declared = req.getContentLengthLong();
        if (declared > max) {
            throw new Rejection(413, "too-large", "the request body is " + declared + " bytes, more than " + max);
        }
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new Rejection(413, "too-large", "the request body is more than " + max + " bytes");
            }
            return bytes;
        }
    }

    /** The decoded segments of the path after the servlet's mapping: {@code /a/b} is {@code [a, b]}. */
    static List<String> segments(HttpServletRequest req) {
        List<String> out = new ArrayList<>();
        String path = req.getPathInfo();
        if (path == null) {
            return out;
        }
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Base URL clients should use in links: the configured public URL, else this request's origin. */
    static String baseUrl(HttpServletRequest req, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured : configured + "/";
        }
        StringBuilder b = new StringBuilder().append(req.getScheme()).append("://").append(req.getServerName());
        int port = req.getServerPort();
        if (port > 0 && !(port == 80 && "http".equals(req.getScheme())) && !(port == 443 && "https".equals(req.getScheme()))) {
            b.append(':').append(port);
        }
        return b.append(req.getContextPath()).append('/').toString();
    }

    static int intParameter(HttpServletRequest req, String name, int fallback, int max) throws Rejection {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Math.min(Math.max(1, Integer.parseInt(v.trim())), max);
        } catch (NumberFormatException e) {
            throw Rejection.badRequest("bad-parameter", name + " must be a number, was '" + v + "'");
        }
    }
}
