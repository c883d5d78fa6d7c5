package org.segue.plugin.server.http.internal.web;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.plugin.server.http.internal.auth.TokenStore;
import org.segue.plugin.server.http.internal.auth.User;
import org.segue.plugin.server.http.internal.auth.UserStore;

/**
 * The request pipeline in front of every route: CORS, routing, bearer-token authentication, rate
 * limiting, role checks, then the route; any failure becomes a problem answer. Free of the servlet
 * api, so the whole pipeline is tested in memory. Thread-safe.
 */
public final class Api {

    private final Router router;
    private final UserStore users;
    private final TokenStore tokens;
    private final RateLimiter limiter;
    private final Cors cors;
    private final ObjectMapper mapper;
    private final Settings settings;
    private final BiConsumer<String, Throwable> errors;

    /**
     * @param errors where unexpected failures (500s) are reported, with the request line
     */
    public Api(Router router, UserStore users, TokenStore tokens, RateLimiter limiter, ObjectMapper mapper,
            Settings settings, BiConsumer<String, Throwable> errors) {
        this.router = router;
        this.users = users;
        this.tokens = tokens;
        this.limiter = limiter;
        this.cors = new Cors(settings.allowedOrigins());
        this.mapper = mapper;
        this.settings = settings;
        this.errors = errors;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Serves one request; never throws. */
    public Reply handle(ApiRequest request) {
        String origin = request.header("Origin");
        if ("OPTIONS".equals(request.method()) && request.header("Access-Control-Request-Method") != null) {
            return cors.preflight(origin);
        }
        Reply reply;
        try {
            reply = dispatch(request);
        } catch (ApiException e) {
            reply = Reply.problem(e, request.path());
        } catch (IOException e) {
            reply = e.getCause() instanceof ApiException api ? Reply.problem(api, request.path()) : failure(request, e);
        } catch (IllegalArgumentException e) {
            // Api services (library, planner …) reject bad values with this; its message names the value.
            reply = Reply.problem(ApiException.badRequest(e.getMessage()), request.path());
        } catch (Exception | LinkageError e) {
            reply = failure(request, e);
        }
        cors.decorate(origin, reply);
        reply.header("Cache-Control", "no-store");
        reply.header("X-Content-Type-Options", "nosniff");
        return reply;
    }

    private Reply dispatch(ApiRequest request) throws Exception {
        Router.Match match = router.match(request.method(), request.path());
        Router.Route route = match.route();
        User user = null;
        String token = null;
        String limitKey = "address " + request.remoteAddress(); // token hashes are hex, so never equal to this
        if (route.access() != Access.PUBLIC) {
            token = bearer(request);
            String hash = token.length() > 100 ? "" : TokenStore.hash(token);
            Optional<User> found = tokens.ownerOfHash(hash).flatMap(users::find);
            if (found.isEmpty()) {
                throw ApiException.unauthorized("the bearer token is unknown or expired; sign in again");
            }
            user = found.get();
            limitKey = hash;
        }
        long wait = limiter.acquire(limitKey);
        if (wait > 0) {
            throw ApiException.tooManyRequests("more than " + settings.requestsPerSecond()
                    + " requests a second; retry in " + wait + " s", wait);
        }
        if (route.access() == Access.ADMIN && !user.isAdmin()) {
            throw ApiException.forbidden(route.method() + " " + route.template() + " needs the admin role");
        }
        return route.handler().handle(new Call(request, match.params(), user, token, mapper, settings.maxBodyBytes()));
    }

    private static String bearer(ApiRequest request) {
        String auth = request.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("this call needs an Authorization: Bearer <token> header");
        }
        return auth.substring(7).trim();
    }

    private Reply failure(ApiRequest request, Throwable e) {
        errors.accept(request.method() + " " + request.path(), e);
        return Reply.problem(new ApiException(500, "Internal server error",
                "the server failed on this request; the failure is logged"), request.path());
    }
}
