package org.segue.plugin.connector.spotify.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.support.io.AtomicFiles;

/**
 * One account's Spotify tokens in a file of the OS user's configuration folder
 * ({@code <segue.user.conf>/spotify/<account>.tokens.json}). The file is written to a temporary
 * file and renamed, so a crash never leaves half a token, and is readable by its owner only: the
 * refresh token lets anyone read the account's playlists until the user revokes it.
 */
final class TokenStore {
    /** The saved tokens; {@code expiresAt} is when the access token stops working. */
    record Tokens(String clientId, String accessToken, String refreshToken, Instant expiresAt, String scope) {
        @Override
        public String toString() {
            // Never print tokens, even by accident in a log line.
            return "Tokens[clientId=" + clientId + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
        }
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    TokenStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The saved tokens, or null when there are none (never connected, or cleared after a revocation). */
    synchronized Tokens load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = json.readTree(file.toFile());
            if (n == null || !n.hasNonNull("refresh_token") || !n.hasNonNull("client_id")) {
                throw new IOException(file + " is not a Spotify token file of Segue: run segue spotify-login again");
            }
            return new Tokens(n.path("client_id").asText(), n.path("access_token").asText(null),
                    n.path("refresh_token").asText(), Instant.ofEpochSecond(n.path("expires_at").asLong(0)),
                    n.path("scope").asText(""));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is damaged (not JSON): run segue spotify-login again", e);
        }
    }

    synchronized void save(Tokens tokens) throws IOException {
        ObjectNode n = json.createObjectNode();
        n.put("client_id", tokens.clientId());
        n.put("access_token", tokens.accessToken());
        n.put("refresh_token", tokens.refreshToken());
        n.put("expires_at", tokens.expiresAt().getEpochSecond());
        n.put("scope", tokens.scope());
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            AtomicFiles.restrict(folder);
        }
        AtomicFiles.writeBytes(file, (n.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    /** Forgets the tokens (Spotify no longer accepts them). */
    synchronized void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
