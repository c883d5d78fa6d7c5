package org.segue.plugin.connector.spotify.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.plugin.connector.spotify.internal.TokenStore.Tokens;

/**
 * The account's authorisation: OAuth 2 authorisation code with PKCE against Spotify's accounts
 * service ({@code /authorize}, {@code /api/token}). Thread-safe: one refresh at a time, and a caller
 * whose access token was rejected gets the token another thread has just refreshed rather than
 * refreshing twice (Spotify may rotate the refresh token on each use).
 *
 * <p>Access tokens live an hour; one that expires within {@link #EARLY} is refreshed before use. A
 * refresh token Spotify refuses ({@code invalid_grant}: the user removed Segue's access, or it
 * expired) is deleted and the caller is told to run {@code segue spotify-login} again. Tokens and
 * codes never appear in messages.
 */
final class SpotifyAuth {
    static final Duration EARLY = Duration.ofSeconds(60);

    private final String clientId;
    private final URI accounts;
    private final URI redirectUri;
    private final String scopes;
    private final String account;
    private final TokenStore store;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private Tokens current;

    SpotifyAuth(String clientId, URI accounts, URI redirectUri, String scopes, String account, TokenStore store,
            Clock clock, Duration timeout) {
        String text = accounts.toString();
        this.clientId = clientId;
        this.accounts = URI.create(text.endsWith("/") ? text : text + "/");
        this.redirectUri = redirectUri;
        this.scopes = scopes;
        this.account = account;
        this.store = store;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    String account() {
        return account;
    }

    URI redirectUri() {
        return redirectUri;
    }

    TokenStore store() {
        return store;
    }

    /** Where to send the user's browser to allow Segue. */
    URI authorizeUri(String challenge, String state) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", clientId);
        q.put("response_type", "code");
        q.put("redirect_uri", redirectUri.toString());
        q.put("code_challenge_method", "S256");
        q.put("code_challenge", challenge);
        q.put("state", state);
        q.put("scope", scopes);
        return accounts.resolve("authorize?" + form(q));
    }

    /** Exchanges the code the browser brought back for tokens, proving the login with the verifier; saves them. */
    synchronized void exchange(String code, String verifier) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("client_id", clientId);
        form.put("code_verifier", verifier);
        HttpResponse<byte[]> response = post(form, "exchanging the authorisation code");
        JsonNode body = body(response);
        if (response.statusCode() != 200) {
            throw new IOException("Spotify refused the authorisation code (" + error(body, response.statusCode())
                    + "); run segue spotify-login --name " + account + " again");
        }
        current = tokens(body, null);
        store.save(current);
    }

    /** A valid access token, refreshed first when it has expired or is about to. */
    synchronized String accessToken() throws IOException {
        Tokens t = loaded();
        if (t.accessToken() == null || !clock.instant().plus(EARLY).isBefore(t.expiresAt())) {
            t = refresh(t);
        }
        return t.accessToken();
    }

    /** After Spotify answered 401 to {@code rejected}: a fresh token (refreshed once, or by another thread already). */
    synchronized String refreshAfterRejection(String rejected) throws IOException {
        Tokens t = loaded();
        if (t.accessToken() != null && !t.accessToken().equals(rejected) && clock.instant().isBefore(t.expiresAt())) {
            return t.accessToken();
        }
        return refresh(t).accessToken();
    }

    private Tokens loaded() throws IOException {
        if (current == null) {
            Tokens saved = store.load();
            if (saved == null || !saved.clientId().equals(clientId)) {
                throw new IOException("Segue is not connected to Spotify account '" + account + "'"
                        + (saved == null ? "" : " with this client id")
                        + ": run segue spotify-login --name " + account + " (it opens Spotify's consent page)");
            }
            current = saved;
        }
        return current;
    }

    private Tokens refresh(Tokens t) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", t.refreshToken());
        form.put("client_id", clientId);
        HttpResponse<byte[]> response = post(form, "refreshing the access token");
        JsonNode body = body(response);
        if (response.statusCode() == 200) {
            current = tokens(body, t.refreshToken());
            store.save(current);
            return current;
        }
        if (response.statusCode() == 400 && "invalid_grant".equals(body.path("error").asText())) {
            current = null;
            store.clear();
            throw new IOException("Spotify no longer accepts Segue's authorisation of account '" + account + "' ("
                    + error(body, 400) + "): it was revoked at spotify.com/account/apps or has expired. Run segue "
                    + "spotify-login --name " + account + " to reconnect");
        }
        throw new IOException("Spotify's accounts service failed while refreshing the access token ("
                + error(body, response.statusCode()) + ")");
    }

    private Tokens tokens(JsonNode body, String previousRefresh) throws IOException {
        String access = body.path("access_token").asText("");
        if (access.isBlank()) {
            throw new IOException("Spotify's token answer has no access_token");
        }
        // Spotify may or may not rotate the refresh token; keep the old one when it sends none.
        String refresh = body.path("refresh_token").asText("");
        if (refresh.isBlank()) {
            if (previousRefresh == null) {
                throw new IOException("Spotify's token answer has no refresh_token");
            }
            refresh = previousRefresh;
        }
        long seconds = Math.max(0, body.path("expires_in").asLong(3600));
        return new Tokens(clientId, access, refresh, clock.instant().plusSeconds(seconds), body.path("scope").asText(scopes));
    }

    private HttpResponse<byte[]> post(Map<String, String> form, String what) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(accounts.resolve("api/token")).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + what);
        } catch (IOException e) {
            throw new IOException("cannot reach Spotify's accounts service at " + accounts.getHost() + " while " + what
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private JsonNode body(HttpResponse<byte[]> response) {
        try {
            JsonNode n = json.readTree(response.body());
            return n == null ? json.createObjectNode() : n;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** Spotify's OAuth errors: {@code {"error": "invalid_grant", "error_description": "Refresh token revoked"}}. */
    private static String error(JsonNode body, int status) {
        String e = body.path("error").asText("");
        String d = body.path("error_description").asText("");
        String text = (e + (d.isBlank() ? "" : ": " + d)).trim();
        return text.isEmpty() ? "HTTP " + status : (text.length() > 200 ? text.substring(0, 200) : text);
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
