package org.segue.plugin.server.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class IndexFilterTest {

    private final List<String> events = new ArrayList<>();

    /** A request with just what the filter reads; dispatching records the forward. */
    private HttpServletRequest request(String method, String contextPath, String uri) {
        Map<String, Object> answers = Map.of("getMethod", method, "getContextPath", contextPath, "getRequestURI", uri);
        RequestDispatcher dispatcher = (RequestDispatcher) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RequestDispatcher.class}, (proxy, m, args) -> {
                    events.add(m.getName());
                    return null;
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getRequestDispatcher")) {
                        events.add("dispatch " + args[0]);
                        return dispatcher;
                    }
                    if (answers.containsKey(m.getName())) {
                        return answers.get(m.getName());
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private final ServletResponse response = (ServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ServletResponse.class}, (proxy, m, args) -> {
                throw new UnsupportedOperationException(m.getName());
            });

    private final FilterChain chain = (req, resp) -> events.add("chain");

    @Test
    void forwardsTheRootToIndexHtml() throws Exception {
        new IndexFilter().doFilter(request("GET", "", "/"), response, chain);
        new IndexFilter().doFilter(request("HEAD", "", ""), response, chain);
        assertEquals(List.of("dispatch /index.html", "forward", "dispatch /index.html", "forward"), events);
    }

    @Test
    void itsRegexMatchesTheRootWithAndWithoutSlashOnly() {
        // Felix hands filters the root as "" (seen in segue serve), other whiteboards as "/".
        java.util.regex.Pattern root = java.util.regex.Pattern.compile(IndexFilter.ROOT);
        assertTrue(root.matcher("").matches());
        assertTrue(root.matcher("/").matches());
        assertFalse(root.matcher("/index.html").matches());
        assertFalse(root.matcher("/api/health").matches());
    }

    @Test
    void passesEverythingElseOn() throws Exception {
        IndexFilter filter = new IndexFilter();
        filter.doFilter(request("GET", "", "/assets/index.js"), response, chain);
        filter.doFilter(request("POST", "", "/"), response, chain);
        filter.doFilter(request("GET", "", "/api/health"), response, chain);
        assertEquals(List.of("chain", "chain", "chain"), events);
    }

    @Test
    void findsTheRootUnderAContextPath() {
        assertTrue(IndexFilter.isRoot(request("GET", "/segue", "/segue")));
        assertTrue(IndexFilter.isRoot(request("GET", "/segue", "/segue/")));
        assertFalse(IndexFilter.isRoot(request("GET", "/segue", "/segue/index.html")));
        assertTrue(IndexFilter.isRoot(request("GET", "", "/")));
    }
}
