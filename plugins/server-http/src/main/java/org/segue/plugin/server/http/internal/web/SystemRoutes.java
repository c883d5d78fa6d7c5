package org.segue.plugin.server.http.internal.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /api/health}, {@code /api/openapi.json} and {@code /api/plugins}. */
public final class SystemRoutes {

    /** One installed bundle as {@code /api/plugins} lists it. */
    public record PluginInfo(String symbolicName, String name, String version, String state, String problem) {
    }

    private final String version;
    private final byte[] openApi;
    private final Supplier<List<PluginInfo>> plugins;

    /**
     * @param version the server's version, shown by health
     * @param openApi the OpenAPI document, served as is
     * @param plugins lists the installed bundles
     */
    public SystemRoutes(String version, byte[] openApi, Supplier<List<PluginInfo>> plugins) {
        this.version = version;
        this.openApi = openApi.clone();
        this.plugins = plugins;
    }

    public void register(Router r) {
        r.add("GET", "/api/health", Access.PUBLIC, c -> Reply.ok(Map.of("status", "ok", "version", version)));
        r.add("GET", "/api/openapi.json", Access.PUBLIC,
                c -> Reply.stream(200, "application/json; charset=utf-8", openApi.length, out -> out.write(openApi)));
        r.add("GET", "/api/plugins", Access.USER, c -> Reply.ok(plugins.get()));
    }
}
