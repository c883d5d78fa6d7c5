package org.segue.marketplace.server.internal.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.segue.marketplace.server.internal.bundle.ApiRelease;
import org.segue.marketplace.server.internal.catalog.Account;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.catalog.Release;
import org.segue.marketplace.server.internal.catalog.ReleaseMetadata;

/**
 * The index clients fetch ({@code segue-index/1}): every account with its key, every plugin with
 * every version (yanked ones flagged, so an installed one can be explained), each version carrying
 * the publisher's signed release document and signature, so a client can check the artifact
 * against its publisher's key and not only against the marketplace's. {@code generation} grows
 * with every commit and {@code expires} bounds how long a client may trust a copy, which together
 * defeat serving a client an old index (rollback and freeze attacks).
 */
public final class IndexJson {

    public static final String FORMAT = "segue-index/1";

    private IndexJson() {
    }

    public static byte[] write(ObjectMapper json, List<Account> accounts, List<Plugin> plugins, long generation,
                               Instant issued, Instant expires, String baseUrl,
                               Function<Plugin, Set<String>> compatibleApis, Function<Release, Long> downloads) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("marketplace", baseUrl);
        root.put("generation", generation);
        root.put("issued", issued.toString());
        root.put("expires", expires.toString());
        ArrayNode accountsNode = root.putArray("accounts");
        for (Account a : accounts) {
            accountsNode.addObject().put("name", a.name()).put("publicKey", a.publicKey()).put("key", a.fingerprint());
        }
        ArrayNode pluginsNode = root.putArray("plugins");
        for (Plugin p : plugins) {
            ObjectNode pn = pluginsNode.addObject();
            ReleaseMetadata m = p.metadata();
            pn.put("symbolicName", p.symbolicName());
            pn.put("publisher", p.owner());
            pn.put("name", m.name());
            pn.put("summary", m.summary());
            pn.put("category", m.category());
            pn.put("license", m.license());
            pn.put("homepage", m.homepage());
            pn.put("downloads", p.versions().stream().mapToLong(downloads::apply).sum());
            pn.putObject("rating").put("average", Math.round(p.averageRating() * 100) / 100.0).put("count", p.ratings().size());
            ArrayNode compatible = pn.putArray("compatibleApi");
            compatibleApis.apply(p).forEach(compatible::add);
            ArrayNode versions = pn.putArray("versions");
            for (Release r : p.versions()) {
                versions.add(version(json, r, baseUrl, downloads.apply(r)));
            }
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the index", e);
        }
    }

    private static ObjectNode version(ObjectMapper json, Release r, String baseUrl, long downloads) {
        ObjectNode v = json.createObjectNode();
        v.put("version", r.version().toString());
        v.put("sha256", r.sha256());
        v.put("size", r.size());
        v.put("url", downloadUrl(baseUrl, r));
        v.put("published", r.published().toString());
        v.put("yanked", r.yanked());
        if (r.yanked()) {
            v.put("yankReason", r.yankReason());
        }
        v.put("downloads", downloads);
        ObjectNode api = v.putObject("apiImports");
        ApiRelease.apiImports(r.headers()).forEach(api::put);
        v.put("release", r.release());
        v.put("signature", r.signature());
        return v;
    }

    /** Where a version's bundle is downloaded from (and counted). */
    public static String downloadUrl(String baseUrl, Release r) {
        String bsn = URLEncoder.encode(r.symbolicName(), StandardCharsets.UTF_8);
        String version = r.version().toString();
        return baseUrl + "download/" + bsn + "/" + version + "/" + bsn + "-" + version + ".jar";
    }
}
