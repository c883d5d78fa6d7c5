package org.segue.marketplace.server.internal.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.service.Marketplace;

/**
 * Base of the API servlets: a {@link Rejection} becomes its status and a JSON error, anything
 * else a 500 that names no internals (the cause goes to the server log).
 */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    protected final transient Marketplace market;
    protected final String publicUrl;

    ApiServlet(Marketplace market, String publicUrl) {
        this.market = market;
        this.publicUrl = publicUrl;
    }

    @FunctionalInterface
    interface Handler {
        void handle() throws Exception;
    }

    protected void guard(HttpServletRequest req, HttpServletResponse resp, Handler handler) throws IOException {
        try {
            handler.handle();
        } catch (Rejection r) {
            HttpSupport.error(market.json(), resp, r);
        } catch (Exception e) {
            log("marketplace: " + req.getMethod() + " " + req.getRequestURI() + " failed", e);
            if (!resp.isCommitted()) {
                resp.reset();
                HttpSupport.json(market.json(), resp, 500, Map.of("error", "internal",
                        "message", "the marketplace failed to handle this request; see its log"));
            }
        }
    }

    protected String baseUrl(HttpServletRequest req) {
        return HttpSupport.baseUrl(req, publicUrl);
    }
}
