package org.segue.plugin.connector.spotify.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One PKCE login: a fresh verifier and state, the consent address for the user's browser, and the
 * way back. Spotify sends the browser to the app's redirect URI with {@code code} and {@code state};
 * when that URI is a loopback http address this class listens there for the one answer, otherwise
 * (or on a machine without a browser) the user pastes the address the browser was sent to.
 *
 * <p>The listener is a few lines over a {@link ServerSocket} rather than the JDK's
 * {@code com.sun.net.httpserver}: it answers one GET, and a bundle should not import a JDK-internal
 * API the framework may not export.
 */
final class SpotifyLogin implements AutoCloseable {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

    private final SpotifyAuth auth;
    private final String verifier = Pkce.verifier();
    private final String state = Pkce.state();
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private ServerSocket server;
    private Thread listener;

    SpotifyLogin(SpotifyAuth auth) {
        this.auth = auth;
    }

    URI authorizeUri() {
        return auth.authorizeUri(Pkce.challenge(verifier), state);
    }

    /** True when the redirect URI is an http address of this machine that the login can listen on. */
    boolean canListen() {
        URI r = auth.redirectUri();
        return "http".equals(r.getScheme()) && r.getHost() != null && LOOPBACK.contains(r.getHost()) && r.getPort() > 0;
    }

    /** Starts listening at the redirect URI for the browser's answer. */
    void listen() throws IOException {
        URI r = auth.redirectUri();
        String host = r.getHost().replace("[", "").replace("]", "");
        String path = r.getRawPath() == null || r.getRawPath().isEmpty() ? "/" : r.getRawPath();
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(host), r.getPort()), 8);
        listener = new Thread(() -> serve(path), "segue-spotify-login");
        listener.setDaemon(true);
        listener.start();
    }

    private void serve(String path) {
        while (!code.isDone() && !server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                String requestLine = in.readLine();
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    // the headers are not needed; read them so the browser sees a complete exchange
                }
                String[] parts = requestLine == null ? new String[0] : requestLine.split(" ");
                if (parts.length < 2 || !parts[0].equals("GET") || !URI.create(parts[1]).getRawPath().equals(path)) {
                    respond(socket.getOutputStream(), 404, "Not the Spotify login answer.");
                    continue;
                }
                try {
                    code.complete(codeFrom(URI.create(parts[1]).getRawQuery()));
                    respond(socket.getOutputStream(), 200, "Segue has Spotify's answer. You can close this tab.");
                } catch (IOException e) {
                    code.completeExceptionally(e);
                    respond(socket.getOutputStream(), 400, "Segue could not connect to Spotify: " + e.getMessage());
                }
            } catch (SocketTimeoutException | IllegalArgumentException e) {
                // a client that sent nothing or garbage: wait for the next one
            } catch (IOException e) {
                if (!server.isClosed()) {
                    code.completeExceptionally(new IOException("the login listener failed: " + e.getMessage(), e));
                }
                return;
            }
        }
    }

    private static void respond(OutputStream out, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><meta charset=utf-8><title>Segue</title><p>" + text.replace("<", "&lt;") + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : status == 404 ? " Not Found" : " Bad Request")
                + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Waits for the browser's answer, up to {@code timeout}; null when it has not come yet. */
    String awaitCode(Duration timeout) throws IOException, InterruptedException {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * The code in a redirect's query, or in a whole pasted address; checks the state, so an answer to
     * some other login (or a forged one) is refused.
     */
    String codeFrom(String queryOrAddress) throws IOException {
        String text = queryOrAddress == null ? "" : queryOrAddress.trim();
        int q = text.indexOf('?');
        Map<String, String> params = query(q >= 0 ? text.substring(q + 1) : text);
        if (params.containsKey("error")) {
            throw new IOException("Spotify did not give access: " + params.get("error"));
        }
        if (!state.equals(params.get("state"))) {
            throw new IOException("the answer does not belong to this login (its state differs); start segue "
                    + "spotify-login again");
        }
        String c = params.get("code");
        if (c == null || c.isBlank()) {
            throw new IOException("the answer has no code");
        }
        return c;
    }

    /** Exchanges the code for tokens and saves them. */
    void finish(String receivedCode) throws IOException {
        auth.exchange(receivedCode, verifier);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // closing a listening socket: nothing left to do
            }
        }
    }
}
