package org.segue.marketplace.server.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.segue.marketplace.server.internal.bundle.ApiRelease;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.catalog.Rating;
import org.segue.marketplace.server.internal.catalog.Release;
import org.segue.marketplace.server.internal.catalog.ReleaseMetadata;
import org.segue.marketplace.server.internal.feed.IndexJson;
import org.segue.marketplace.server.internal.service.Marketplace;

/** The JSON shapes of the API, built from catalogue snapshots. */
final class Views {

    private Views() {
    }

    static ObjectNode summary(Marketplace m, Plugin p) {
        ObjectNode n = m.json().createObjectNode();
        ReleaseMetadata md = p.metadata();
        n.put("symbolicName", p.symbolicName());
        n.put("publisher", p.owner());
        n.put("name", md.name());
        n.put("summary", md.summary());
        n.put("category", md.category());
        n.put("latest", p.latest().map(r -> r.version().toString()).orElse(null));
        n.put("downloads", p.versions().stream().mapToLong(m::downloads).sum());
        n.putObject("rating").put("average", Math.round(p.averageRating() * 100) / 100.0).put("count", p.ratings().size());
        ArrayNode apis = n.putArray("compatibleApi");
        m.compatibleApis(p).forEach(apis::add);
        return n;
    }

    static ObjectNode detail(Marketplace m, Plugin p, String baseUrl) {
        ObjectNode n = summary(m, p);
        ReleaseMetadata md = p.metadata();
        n.put("description", md.description());
        n.put("license", md.license());
        n.put("homepage", md.homepage());
        ArrayNode versions = n.putArray("versions");
        for (Release r : p.versions()) {
            ObjectNode v = versions.addObject();
            v.put("version", r.version().toString());
            v.put("sha256", r.sha256());
            v.put("size", r.size());
            v.put("url", IndexJson.downloadUrl(baseUrl, r));
            v.put("published", r.published().toString());
            v.put("yanked", r.yanked());
            if (r.yanked()) {
                v.put("yankReason", r.yankReason());
            }
            v.put("downloads", m.downloads(r));
            ObjectNode imports = v.putObject("apiImports");
            ApiRelease.apiImports(r.headers()).forEach(imports::put);
            ArrayNode compatible = v.putArray("compatibleApi");
            for (ApiRelease api : m.apis()) {
                if (api.accepts(r.headers())) {
                    compatible.add(api.version().toString());
                }
            }
        }
        ArrayNode reviews = n.putArray("reviews");
        for (Rating r : p.ratings()) {
            reviews.addObject().put("account", r.account()).put("stars", r.stars()).put("review", r.review())
                    .put("at", r.at().toString());
        }
        return n;
    }
}
