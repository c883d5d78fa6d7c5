package org.segue.plugin.server.http.internal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route table: method plus path template ({@code /api/jobs/{id}}) to handler. Templates match
 * whole segments; a literal segment wins over a parameter ({@code /api/mixes/plans} before
 * {@code /api/mixes/{id}}). Built once at start, read concurrently.
 */
public final class Router {

    /** Handles one routed call. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Call call) throws Exception;
    }

    /** One entry of the table. */
    public record Route(String method, String template, Access access, Handler handler) {
        String[] segments() {
            return template.substring(1).split("/");
        }
    }

    /** A match: the route and the values of its parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; a duplicate method and template is a programming error. */
    public Router add(String method, String template, Access access, Handler handler) {
        if (!template.startsWith("/api/") && !template.startsWith("/s/") && !template.equals("/shared")) {
            // The servlet is registered on these patterns only (ServletPublisher): others never arrive.
            throw new IllegalArgumentException("routes live under /api/, /s/ or at /shared: " + template);
        }
        for (Route r : routes) {
            if (r.method().equals(method) && r.template().equals(template)) {
                throw new IllegalArgumentException("route defined twice: " + method + " " + template);
            }
        }
        routes.add(new Route(method, template, access, handler));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * The route for a request.
     *
     * @throws ApiException 404 when no template matches the path, 405 when one does for another method
     */
    public Match match(String method, String path) {
        String[] parts = path.length() > 1 ? path.substring(1).split("/", -1) : new String[0];
        Match best = null;
        int bestLiterals = -1;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            String[] seg = r.segments();
            if (seg.length != parts.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < seg.length && ok; i++) {
                if (seg[i].startsWith("{")) {
                    if (parts[i].isEmpty()) {
                        ok = false;
                    } else {
                        params.put(seg[i].substring(1, seg[i].length() - 1), parts[i]);
                    }
                } else if (seg[i].equals(parts[i])) {
                    literals++;
                } else {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            if (!r.method().equals(method)) {
                allowed.add(r.method());
                continue;
            }
            if (literals > bestLiterals) {
                best = new Match(r, params);
                bestLiterals = literals;
            }
        }
        if (best != null) {
            return best;
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, "Method not allowed", method + " is not allowed on " + path, null,
                    Map.of("Allow", String.join(", ", allowed)));
        }
        throw ApiException.notFound(path);
    }
}
