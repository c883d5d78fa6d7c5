package org.segue.plugin.server.http.internal.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Hashtable;
import java.util.function.Predicate;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * With HTTPS on, keeps other machines off plain HTTP: a {@code GET} or {@code HEAD} is redirected
 * (308) to the same path on the HTTPS port, anything else is refused (403) naming that address,
 * because its token and body already crossed the network in clear and a redirect would teach the
 * client that this works. Answers over HTTPS carry {@code Strict-Transport-Security}, so a browser
 * that came once never tries plain HTTP again.
 *
 * <p>Plain HTTP from a trusted address (this machine, by default) is let through: a reverse proxy
 * on the same host that terminates TLS talks plain HTTP over loopback, and redirecting it would
 * loop; the server's own readiness probe and local scripts do too.
 */
public final class PlainHttpFilter implements Filter {

    private final int httpsPort;
    private final long hstsSeconds;
    private final Predicate<String> trustedPlain;
    private final ObjectMapper mapper;

    /**
     * @param httpsPort where HTTPS listens
     * @param hstsSeconds the {@code max-age} of {@code Strict-Transport-Security}; 0 sends none
     * @param trustedPlain the remote addresses that may use plain HTTP
     */
    public PlainHttpFilter(int httpsPort, long hstsSeconds, Predicate<String> trustedPlain, ObjectMapper mapper) {
        if (httpsPort <= 0 || httpsPort > 65535) {
            throw new IllegalArgumentException("httpsPort must be 1-65535, not " + httpsPort);
        }
        this.httpsPort = httpsPort;
        this.hstsSeconds = hstsSeconds;
        this.trustedPlain = trustedPlain;
        this.mapper = mapper;
    }

    /** Loopback addresses, IPv4 or IPv6, given as literals (as servlet containers report them). */
    public static boolean isLoopback(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return false;
        }
        String literal = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1) : remoteAddress;
        // Only literals: InetAddress.getByName on a host name would ask DNS.
        if (!literal.contains(":") && !literal.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (req.isSecure()) {
            if (hstsSeconds > 0) {
                resp.setHeader("Strict-Transport-Security", "max-age=" + hstsSeconds);
            }
            chain.doFilter(request, response);
            return;
        }
        if (trustedPlain.test(req.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String target = httpsUrl(req);
        String method = req.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            // 308 rather than 301: permanent, and a client may not change the method on the way.
            resp.setStatus(308);
            resp.setHeader("Location", target);
            resp.setContentLength(0);
            return;
        }
        byte[] body = mapper.writeValueAsBytes(new Problem("about:blank", "HTTPS required", 403,
                "this server takes " + method + " requests from other machines over HTTPS only: use " + target,
                req.getRequestURI(), null));
        resp.setStatus(403);
        resp.setContentType(Problem.MEDIA_TYPE);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The same path and query on the HTTPS port of the host the client asked for. */
    String httpsUrl(HttpServletRequest req) {
        String host = req.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        String query = req.getQueryString();
        return "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + req.getRequestURI()
                + (query == null ? "" : "?" + query);
    }

    /**
     * Registers the filter on the Servlet Whiteboard in front of everything the server serves: the
     * api, the share pages and the web UI's files.
     *
     * @return closes the registration
     */
    public static AutoCloseable publish(BundleContext context, PlainHttpFilter filter) {
        Hashtable<String, Object> props = new Hashtable<>();
        // ".*", not "/.*": Felix hands the root to filters as the empty path.
        props.put("osgi.http.whiteboard.filter.regex", ".*");
        props.put("osgi.http.whiteboard.filter.name", "segue-plain-http");
        // Before the web UI's index filter, which answers "/" itself.
        props.put("service.ranking", Integer.MAX_VALUE);
        ServiceRegistration<Filter> reg = context.registerService(Filter.class, filter, props);
        return reg::unregister;
    }
}
