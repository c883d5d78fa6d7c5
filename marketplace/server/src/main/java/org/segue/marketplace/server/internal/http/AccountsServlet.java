package org.segue.marketplace.server.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.catalog.Account;
import org.segue.marketplace.server.internal.service.Marketplace;
import org.segue.marketplace.server.internal.service.SignedDocument;

/** {@code POST /api/v1/accounts} registers a key; {@code GET /api/v1/accounts/{name}} shows one. */
final class AccountsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    AccountsServlet(Marketplace market, String publicUrl) {
        super(market, publicUrl);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        guard(req, resp, () -> {
            if (!HttpSupport.segments(req).isEmpty()) {
                throw Rejection.notFound("POST accounts at /api/v1/accounts");
            }
            byte[] body = HttpSupport.body(req, SignedDocument.MAX_BYTES);
            Account a = market.accounts().register(body, req.getHeader(HttpSupport.SIGNATURE_HEADER));
            resp.setHeader("Location", baseUrl(req) + "api/v1/accounts/" + a.name());
            HttpSupport.json(market.json(), resp, 201, a);
        });
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        guard(req, resp, () -> {
            List<String> path = HttpSupport.segments(req);
            if (path.size() != 1) {
                throw Rejection.notFound("GET an account at /api/v1/accounts/{name}");
            }
            Account a = market.catalog().account(path.get(0))
                    .orElseThrow(() -> Rejection.notFound("no account " + path.get(0)));
            HttpSupport.json(market.json(), resp, 200, a);
        });
    }
}
