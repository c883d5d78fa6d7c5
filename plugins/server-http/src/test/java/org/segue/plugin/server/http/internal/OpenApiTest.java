package org.segue.plugin.server.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.plugin.server.http.internal.auth.AccountHooks;
import org.segue.plugin.server.http.internal.routes.MusicApi;
import org.segue.plugin.server.http.internal.share.ShareRoutes;
import org.segue.plugin.server.http.internal.share.ShareStore;
import org.segue.plugin.server.http.internal.web.FakeRequest;
import org.segue.plugin.server.http.internal.web.Settings;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/** {@code /api/openapi.json} is served, is OpenAPI 3.1, and describes every route the server has. */
class OpenApiTest {

    @TempDir
    Path data;

    @Test
    void everyServedRouteIsDescribed() throws Exception {
        TestServers s = new TestServers(data, Settings.defaults(), AccountHooks.NONE, List.of((router, core) ->
                new MusicApi(null, null, core::userFolder, core.jobs(), 1024, List.of()).register(router),
                (router, core) -> new ShareRoutes(new ShareStore(data.resolve(ShareStore.FILE), core.objectMapper(),
                        java.time.Clock.systemUTC()), null, u -> true, (o, m, t) -> { }, (w, e) -> { }).register(router),
                (router, core) -> new org.segue.plugin.server.http.internal.play.PlayRoutes(null, null,
                        java.time.Clock.systemUTC()).register(router)));
        Reply r = s.send(FakeRequest.get("/api/openapi.json"));
        assertEquals(200, r.status());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        r.body().writeTo(out);
        JsonNode doc = s.core.objectMapper().readTree(out.toByteArray());
        assertEquals("3.1.0", doc.get("openapi").asText());
        List<String> missing = new ArrayList<>();
        for (Router.Route route : s.core.router().routes()) {
            JsonNode path = doc.get("paths").get(route.template());
            if (path == null || path.get(route.method().toLowerCase(Locale.ROOT)) == null) {
                missing.add(route.method() + " " + route.template());
            }
        }
        assertEquals(List.of(), missing, "routes the server serves but openapi.json does not describe");
        assertEquals(62, s.core.router().routes().size(), "every route of API.md, no more");
        List<String> phantom = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(method -> {
            boolean served = s.core.router().routes().stream().anyMatch(route -> route.template().equals(e.getKey())
                    && route.method().equalsIgnoreCase(method));
            if (!served) {
                phantom.add(method + " " + e.getKey());
            }
        }));
        assertEquals(List.of(), phantom, "operations openapi.json describes but the server does not serve");
    }
}
