package org.segue.plugin.server.http.internal.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory request for pipeline tests: no sockets, no servlet container. */
public final class FakeRequest implements ApiRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private boolean chunked;
    private String remote = "127.0.0.1";

    public FakeRequest(String method, String pathAndQuery) {
        this.method = method;
        int q = pathAndQuery.indexOf('?');
        this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        this.query = q < 0 ? new LinkedHashMap<>() : ApiServlet.parseQuery(pathAndQuery.substring(q + 1));
    }

    public static FakeRequest get(String path) {
        return new FakeRequest("GET", path);
    }

    public FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public FakeRequest token(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public FakeRequest json(String json) {
        header("Content-Type", "application/json");
        body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public FakeRequest bytes(byte[] bytes, boolean withoutLength) {
        body = bytes;
        chunked = withoutLength;
        return this;
    }

    public FakeRequest from(String address) {
        remote = address;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Map<String, List<String>> query() {
        return query;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public long contentLength() {
        return chunked ? -1 : body.length;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public String remoteAddress() {
        return remote;
    }
}
