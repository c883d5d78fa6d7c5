package org.segue.marketplace.server.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.catalog.Release;
import org.segue.marketplace.server.internal.service.Marketplace;
import org.segue.marketplace.server.internal.service.SignedDocument;

/**
 * The plugin API under {@code /api/v1/plugins}:
 * <pre>
 * GET  /api/v1/plugins?q=&amp;category=&amp;api=&amp;limit=   search
 * GET  /api/v1/plugins/{bsn}                           one plugin, all versions, reviews
 * POST /api/v1/plugins                                 publish (multipart: release, bundle; signed)
 * POST /api/v1/plugins/{bsn}/versions/{v}/yank         yank or restore (signed)
 * POST /api/v1/plugins/{bsn}/ratings                   rate and review (signed)
 * </pre>
 */
final class PluginsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final long maxRequestBytes;

    PluginsServlet(Marketplace market, String publicUrl, long maxRequestBytes) {
        super(market, publicUrl);
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        guard(req, resp, () -> {
            List<String> path = HttpSupport.segments(req);
            if (path.isEmpty()) {
                int limit = HttpSupport.intParameter(req, "limit", 50, 500);
                ObjectNode out = market.json().createObjectNode();
                ArrayNode results = out.putArray("results");
                for (Plugin p : market.search(req.getParameter("q"), req.getParameter("category"),
                        req.getParameter("api"), limit)) {
                    results.add(Views.summary(market, p));
                }
                HttpSupport.json(market.json(), resp, 200, out);
            } else if (path.size() == 1) {
                Plugin p = market.catalog().plugin(path.get(0))
                        .orElseThrow(() -> Rejection.notFound("no plugin " + path.get(0)));
                HttpSupport.json(market.json(), resp, 200, Views.detail(market, p, baseUrl(req)));
            } else {
                throw Rejection.notFound("no such resource " + req.getRequestURI());
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        guard(req, resp, () -> {
            List<String> path = HttpSupport.segments(req);
            String signature = req.getHeader(HttpSupport.SIGNATURE_HEADER);
            if (path.isEmpty()) {
                publish(req, resp, signature);
            } else if (path.size() == 2 && path.get(1).equals("ratings")) {
                market.reviews().rate(path.get(0), HttpSupport.body(req, SignedDocument.MAX_BYTES), signature);
                HttpSupport.json(market.json(), resp, 200, Views.summary(market, market.catalog().plugin(path.get(0)).orElseThrow()));
            } else if (path.size() == 4 && path.get(1).equals("versions") && path.get(3).equals("yank")) {
                market.reviews().yank(path.get(0), path.get(2), HttpSupport.body(req, SignedDocument.MAX_BYTES), signature);
                Plugin p = market.catalog().plugin(path.get(0)).orElseThrow();
                HttpSupport.json(market.json(), resp, 200, Views.detail(market, p, baseUrl(req)));
            } else {
                throw Rejection.notFound("no such resource " + req.getRequestURI());
            }
        });
    }

    private void publish(HttpServletRequest req, HttpServletResponse resp, String signature) throws Exception {
        long declared = req.getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw new Rejection(413, "too-large", "the upload is " + declared + " bytes, more than the limit of "
                    + maxRequestBytes);
        }
        String type = req.getContentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw Rejection.badRequest("not-multipart",
                    "publish with multipart/form-data: a 'release' part (the signed JSON) and a 'bundle' part (the jar)");
        }
        Collection<Part> parts;
        try {
            parts = req.getParts();
        } catch (IllegalStateException e) {
            throw new Rejection(413, "too-large", "the upload is larger than the limit of " + maxRequestBytes + " bytes");
        } catch (ServletException | IOException e) {
            throw Rejection.badRequest("bad-multipart", "the multipart body is malformed: " + e.getMessage());
        }
        try {
            Part release = req.getPart("release");
            Part bundle = req.getPart("bundle");
            if (release == null) {
                throw Rejection.badRequest("unsigned", "the upload has no 'release' part (the signed release document)");
            }
            if (release.getSize() > SignedDocument.MAX_BYTES) {
                throw new Rejection(413, "too-large", "the release document is larger than " + SignedDocument.MAX_BYTES + " bytes");
            }
            byte[] document;
            try (InputStream in = release.getInputStream()) {
                document = in.readAllBytes();
            }
            Release r;
            try (InputStream in = bundle == null ? null : bundle.getInputStream()) {
                r = market.publisher().publish(document, signature, in);
            }
            String location = baseUrl(req) + "api/v1/plugins/" + r.symbolicName();
            resp.setHeader("Location", location);
            ObjectNode out = Views.detail(market, market.catalog().plugin(r.symbolicName()).orElseThrow(), baseUrl(req));
            out.put("published", r.version().toString());
            HttpSupport.json(market.json(), resp, 201, out);
        } finally {
            for (Part p : parts) {
                p.delete();
            }
        }
    }
}
