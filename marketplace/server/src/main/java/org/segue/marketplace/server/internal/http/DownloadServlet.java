package org.segue.marketplace.server.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.feed.RepositoryXml;
import org.segue.marketplace.server.internal.service.Marketplace;

/** {@code GET /download/{bsn}/{version}/{file}.jar}: the bundle bytes, counted as a download. */
final class DownloadServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    DownloadServlet(Marketplace market, String publicUrl) {
        super(market, publicUrl);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        guard(req, resp, () -> {
            List<String> path = HttpSupport.segments(req);
            if (path.size() < 2 || path.size() > 3) {
                throw Rejection.notFound("download at /download/{symbolicName}/{version}/{file}.jar");
            }
            Path blob = market.download(path.get(0), path.get(1));
            resp.setStatus(200);
            resp.setContentType(RepositoryXml.BUNDLE_MIME);
            resp.setContentLengthLong(Files.size(blob));
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + path.get(0) + "-" + path.get(1) + ".jar\"");
            // A version's bytes never change: caches may keep them for good.
            resp.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            Files.copy(blob, resp.getOutputStream());
        });
    }
}
