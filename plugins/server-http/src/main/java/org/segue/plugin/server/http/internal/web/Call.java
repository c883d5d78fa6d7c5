package org.segue.plugin.server.http.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.segue.plugin.server.http.internal.auth.User;

/**
 * One routed request handed to a route: path parameters, the signed-in user, and typed access to
 * the query and body that answer bad input with a problem naming the field.
 */
public final class Call {

    private final ApiRequest request;
    private final Map<String, String> params;
    private final User user;
    private final String token;
    private final ObjectMapper mapper;
    private final long maxBody;

    public Call(ApiRequest request, Map<String, String> params, User user, String token, ObjectMapper mapper,
            long maxBody) {
        this.request = request;
        this.params = params;
        this.user = user;
        this.token = token;
        this.mapper = mapper;
        this.maxBody = maxBody;
    }

    public ApiRequest request() {
        return request;
    }

    /** The signed-in user; {@code null} only on public routes. */
    public User user() {
        return user;
    }

    /** The bearer token of this request (for logout). */
    public String token() {
        return token;
    }

    /** A path parameter of the route template, e.g. {@code id} of {@code /api/jobs/{id}}. */
    public String param(String name) {
        return params.get(name);
    }

    /** A query parameter's first value, or {@code null}. */
    public String query(String name) {
        List<String> v = request.query().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** An integer query parameter in {@code [min, max]}, or {@code fallback} when absent. */
    public int queryInt(String name, int fallback, int min, int max) {
        String v = query(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw ApiException.badField(name, name + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, name + " must be a whole number, not \"" + v + "\"");
        }
    }

    /**
     * The JSON body as {@code type}, at most the configured request size.
     *
     * @throws ApiException 415 when not JSON, 413 when too large, 400 naming the field that does not parse
     */
    public <T> T body(Class<T> type) {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("the body must be application/json");
        }
        try (InputStream in = limitedBody(maxBody)) {
            T value = mapper.readValue(in, type);
            if (value == null) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badField(e.getPropertyName(), "unknown field " + e.getPropertyName());
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw field == null ? ApiException.badRequest("the body is not the expected JSON: " + e.getOriginalMessage())
                    : ApiException.badField(field, "field " + field + " has the wrong type");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    /**
     * The raw body, failing with 413 once more than {@code limit} bytes arrive (or when the declared
     * length is already larger).
     */
    public InputStream limitedBody(long limit) throws IOException {
        long declared = request.contentLength();
        if (declared > limit) {
            throw ApiException.tooLarge("the body has " + declared + " bytes; at most " + limit + " are accepted");
        }
        return new LimitedInputStream(request.body(), limit);
    }
}
