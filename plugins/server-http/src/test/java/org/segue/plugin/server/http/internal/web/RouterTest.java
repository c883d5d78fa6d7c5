package org.segue.plugin.server.http.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router()
            .add("GET", "/api/mixes/{id}", Access.USER, c -> Reply.ok("mix"))
            .add("GET", "/api/mixes/plans/{id}", Access.USER, c -> Reply.ok("plan"))
            .add("POST", "/api/mixes/plans", Access.USER, c -> Reply.ok("new plan"))
            .add("GET", "/api/mixes/{id}/audio", Access.USER, c -> Reply.ok("audio"));

    @Test
    void matchesTemplatesAndBindsParameters() {
        Router.Match m = router.match("GET", "/api/mixes/m1/audio");
        assertEquals("/api/mixes/{id}/audio", m.route().template());
        assertEquals(Map.of("id", "m1"), m.params());
        assertEquals("/api/mixes/plans/{id}", router.match("GET", "/api/mixes/plans/p7").route().template(),
                "the literal segment wins over a parameter");
        assertEquals(Map.of("id", "p7"), router.match("GET", "/api/mixes/plans/p7").params());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405WithAllow() {
        ApiException e = assertThrows(ApiException.class, () -> router.match("GET", "/api/nothing"));
        assertEquals(404, e.status());
        e = assertThrows(ApiException.class, () -> router.match("DELETE", "/api/mixes/plans"));
        assertEquals(405, e.status());
        assertEquals("GET, POST", e.headers().get("Allow"), "POST /api/mixes/plans, GET /api/mixes/{id}");
        assertEquals(404, assertThrows(ApiException.class, () -> router.match("GET", "/api/mixes/")).status(),
                "an empty parameter matches nothing");
    }

    @Test
    void duplicateRoutesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> router.add("GET", "/api/mixes/{id}", Access.USER, c -> Reply.noContent()));
    }
}
