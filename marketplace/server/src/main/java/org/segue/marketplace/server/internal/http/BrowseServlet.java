package org.segue.marketplace.server.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.catalog.Rating;
import org.segue.marketplace.server.internal.catalog.Release;
import org.segue.marketplace.server.internal.catalog.ReleaseMetadata;
import org.segue.marketplace.server.internal.feed.IndexJson;
import org.segue.marketplace.server.internal.service.Marketplace;

/**
 * The plain web page: {@code /} lists and searches plugins, {@code /plugins/{bsn}} shows one.
 * Server-rendered, no script; every catalogue string is HTML-escaped, since all of it comes from
 * publishers and reviewers.
 */
final class BrowseServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    BrowseServlet(Marketplace market, String publicUrl) {
        super(market, publicUrl);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        guard(req, resp, () -> {
            String servletPath = req.getServletPath();
            List<String> path = HttpSupport.segments(req);
            String html;
            if (servletPath.equals("/plugins") && path.size() == 1) {
                Plugin p = market.catalog().plugin(path.get(0)).orElseThrow(() -> Rejection.notFound("no plugin " + path.get(0)));
                html = page(p.metadata().name(), plugin(p, baseUrl(req)));
            } else if (servletPath.isEmpty() || servletPath.equals("/")) {
                if (req.getRequestURI().length() > req.getContextPath().length() + 1) {
                    throw Rejection.notFound("no page " + req.getRequestURI());
                }
                html = page("Segue plugins", list(req));
            } else {
                throw Rejection.notFound("no page " + req.getRequestURI());
            }
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            resp.setStatus(200);
            resp.setContentType("text/html");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        });
    }

    private String list(HttpServletRequest req) {
        String q = value(req.getParameter("q"));
        String category = value(req.getParameter("category"));
        String api = value(req.getParameter("api"));
        List<Plugin> found = market.search(q, category, api, 200);
        if (q.isBlank()) {
            found = found.stream().sorted(Comparator.comparing((Plugin p) -> p.metadata().name().toLowerCase())).toList();
        }
        StringBuilder b = new StringBuilder();
        b.append("<form method=get action=\"\"><input name=q placeholder=\"search plugins\" value=\"").append(esc(q))
                .append("\"> <select name=category><option value=\"\">any category</option>");
        for (String c : ReleaseMetadata.CATEGORIES) {
            b.append("<option").append(c.equals(category) ? " selected" : "").append(">").append(c).append("</option>");
        }
        b.append("</select> <input name=api size=12 placeholder=\"Segue api\" value=\"").append(esc(api))
                .append("\"> <button>Search</button></form>\n");
        b.append("<p>").append(found.size()).append(found.size() == 1 ? " plugin" : " plugins").append("</p>\n<ul>\n");
        for (Plugin p : found) {
            ReleaseMetadata m = p.metadata();
            b.append("<li><a href=\"plugins/").append(esc(URLEncoder.encode(p.symbolicName(), StandardCharsets.UTF_8)))
                    .append("\">").append(esc(m.name())).append("</a> <small>").append(esc(p.latest().map(r -> r.version().toString()).orElse("")))
                    .append(" · ").append(esc(m.category())).append(" · by ").append(esc(p.owner()))
                    .append(" · ").append(p.versions().stream().mapToLong(market::downloads).sum()).append(" downloads")
                    .append(stars(p)).append("</small><br>").append(esc(m.summary())).append("</li>\n");
        }
        return b.append("</ul>\n<p><small>Feeds: <a href=\"index.json\">index.json</a> (signed, <a href=\"marketplace.pub\">key</a>) · "
                + "<a href=\"repository.xml\">OSGi repository</a></small></p>").toString();
    }

    private String plugin(Plugin p, String baseUrl) {
        ReleaseMetadata m = p.metadata();
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"../\">all plugins</a></p>\n<p><code>").append(esc(p.symbolicName())).append("</code> · ")
                .append(esc(m.category())).append(" · by ").append(esc(p.owner())).append(" · ").append(esc(m.license()))
                .append(stars(p)).append("</p>\n<p>").append(esc(m.summary())).append("</p>\n");
        if (m.homepage() != null && !m.homepage().isBlank()) {
            b.append("<p><a rel=\"nofollow noopener\" href=\"").append(esc(m.homepage())).append("\">")
                    .append(esc(m.homepage())).append("</a></p>\n");
        }
        b.append("<pre style=\"white-space:pre-wrap\">").append(esc(m.description() == null ? "" : m.description())).append("</pre>\n");
        b.append("<p>Install: <code>segue plugin install ").append(esc(p.symbolicName())).append("</code></p>\n");
        b.append("<h2>Versions</h2>\n<table><tr><th>version</th><th>published</th><th>api</th><th>downloads</th><th>SHA-256</th></tr>\n");
        for (Release r : p.versions()) {
            b.append("<tr><td>").append(r.yanked() ? "<s>" : "").append("<a href=\"").append(esc(IndexJson.downloadUrl(baseUrl, r)))
                    .append("\">").append(esc(r.version().toString())).append("</a>").append(r.yanked() ? "</s> yanked" : "")
                    .append("</td><td>").append(r.published().toString(), 0, 10).append("</td><td>")
                    .append(esc(String.join(", ", market.apis().stream().filter(a -> a.accepts(r.headers()))
                            .map(a -> a.version().toString()).toList())))
                    .append("</td><td>").append(market.downloads(r)).append("</td><td><code>").append(r.sha256(), 0, 16)
                    .append("…</code></td></tr>\n");
        }
        b.append("</table>\n<h2>Reviews</h2>\n");
        for (Rating r : p.ratings()) {
            b.append("<p>").append("★".repeat(r.stars())).append("☆".repeat(5 - r.stars())).append(" ")
                    .append(esc(r.account())).append("<br>").append(esc(r.review())).append("</p>\n");
        }
        return b.toString();
    }

    private static String stars(Plugin p) {
        return p.ratings().isEmpty() ? "" : String.format(" · %.1f★ (%d)", p.averageRating(), p.ratings().size());
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=en><head><meta charset=utf-8><title>" + esc(title)
                + "</title><meta name=viewport content=\"width=device-width\"><style>body{font:15px/1.4 sans-serif;"
                + "max-width:52em;margin:2em auto;padding:0 1em}li{margin:.6em 0}td,th{padding:.2em .6em;text-align:left}"
                + "</style></head><body>\n<h1>" + esc(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    private static String value(String s) {
        return s == null ? "" : s.trim();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
