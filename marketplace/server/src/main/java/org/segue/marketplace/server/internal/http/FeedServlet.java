package org.segue.marketplace.server.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.crypto.Ed25519;
import org.segue.marketplace.server.internal.service.Marketplace;

/**
 * The signed feeds clients read:
 * <pre>
 * GET /index.json          the index (segue-index/1)
 * GET /index.json.sig      Base64 Ed25519 signature of those exact bytes by the marketplace key
 * GET /repository.xml      the OSGi Repository (and /repository.xml.sig)
 * GET /marketplace.pub     the marketplace public key, Base64 SubjectPublicKeyInfo, to pin
 * </pre>
 * A feed response also carries its signature in the {@code Segue-Signature} header, so one
 * request gives a matching pair; the separate {@code .sig} files serve static mirrors, and every
 * response carries {@code Segue-Generation} to match them up.
 */
final class FeedServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    FeedServlet(Marketplace market, String publicUrl) {
        super(market, publicUrl);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        guard(req, resp, () -> {
            String path = req.getServletPath();
            switch (path) {
                case "/index.json" -> feed(resp, market.index(baseUrl(req)), false, "application/json");
                case "/index.json.sig" -> feed(resp, market.index(baseUrl(req)), true, null);
                case "/repository.xml" -> feed(resp, market.repository(baseUrl(req)), false, "application/xml");
                case "/repository.xml.sig" -> feed(resp, market.repository(baseUrl(req)), true, null);
                case "/marketplace.pub" -> {
                    resp.setHeader("Segue-Key", Ed25519.fingerprint(market.key().publicKey()));
                    text(resp, Ed25519.encode(market.key().publicKey()) + "\n");
                }
                default -> throw Rejection.notFound("no feed " + path);
            }
        });
    }

    private static void feed(HttpServletResponse resp, Marketplace.SignedFeed feed, boolean signature, String type)
            throws IOException {
        resp.setHeader("Segue-Generation", Long.toString(feed.generation()));
        resp.setHeader("Cache-Control", "no-cache");
        if (signature) {
            text(resp, feed.signature() + "\n");
            return;
        }
        // The signature in a header too, so one response gives a matching pair.
        resp.setHeader(HttpSupport.SIGNATURE_HEADER, feed.signature());
        resp.setStatus(200);
        resp.setContentType(type);
        resp.setContentLength(feed.bytes().length);
        resp.getOutputStream().write(feed.bytes());
    }

    private static void text(HttpServletResponse resp, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        resp.setStatus(200);
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("US-ASCII");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
