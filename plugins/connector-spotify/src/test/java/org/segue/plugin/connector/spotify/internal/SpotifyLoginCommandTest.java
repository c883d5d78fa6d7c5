package org.segue.plugin.connector.spotify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.command.Command;
import org.segue.api.testkit.CapturedCommandContext;

class SpotifyLoginCommandTest {
    @TempDir
    Path dir;
    private final SpotifyFake spotify;

    SpotifyLoginCommandTest() throws Exception {
        spotify = new SpotifyFake();
        try (ServerSocket free = new ServerSocket(0)) {
            spotify.redirectUri = "http://127.0.0.1:" + free.getLocalPort() + "/callback";
        }
    }

    @AfterEach
    void stop() {
        spotify.close();
    }

    private SpotifyLoginCommand command(String account) {
        SpotifyAuth auth = new SpotifyAuth(spotify.clientId, spotify.base, URI.create(spotify.redirectUri),
                "playlist-read-private", account, new TokenStore(SpotifyConnector.tokenFile(dir, account)),
                Clock.systemUTC(), Duration.ofSeconds(5));
        SpotifyLoginCommand command = new SpotifyLoginCommand();
        command.connectorWaitMillis = 0;
        command.bindConnector(new SpotifyConnector(auth, new SpotifyClient(spotify.base, auth, Duration.ofSeconds(5),
                d -> { }), 10));
        return command;
    }

    @Test
    void printsTheConsentAddressAndCatchesTheBrowsersAnswer() throws Exception {
        SpotifyLoginCommand command = command("work");
        CapturedCommandContext ctx = new CapturedCommandContext(dir, "--name", "work", "--wait", "20");
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return command.run(ctx);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Pattern consent = Pattern.compile("(" + Pattern.quote(spotify.base.toString()) + "authorize\\?\\S+)");
        String address = null;
        for (int i = 0; i < 200 && address == null; i++) {
            Matcher m = consent.matcher(ctx.printed());
            if (m.find() && ctx.printed().contains("Waiting for Spotify's answer")) {
                address = m.group(1);
            } else {
                Thread.sleep(25);
            }
        }
        assertTrue(address != null, ctx.printed());
        assertEquals(200, SpotifyConnectorTest.browse(URI.create(address)).statusCode());
        assertEquals(Command.OK, run.get(20, TimeUnit.SECONDS), ctx.errors());
        Path tokens = dir.resolve("spotify/work.tokens.json");
        assertTrue(Files.isRegularFile(tokens));
        assertTrue(ctx.printed().contains("Connected the Spotify account 'work'"), ctx.printed());
        assertFalse(ctx.printed().contains("AQ-refresh") || ctx.printed().contains("BQ-access"), "no token is printed");
    }

    @Test
    void anUnknownAccountSaysHowToConfigureOne() throws Exception {
        CapturedCommandContext ctx = new CapturedCommandContext(dir, "--name", "club");
        assertEquals(Command.FAILURE, command("work").run(ctx));
        assertTrue(ctx.errors().contains("no Spotify account 'club'") && ctx.errors().contains("segue connect spotify clientId="),
                ctx.errors());
    }

    @Test
    void aPastedAddressFromAnotherLoginIsRefused() throws Exception {
        CapturedCommandContext ctx = new CapturedCommandContext(dir, "--name", "work", "--paste")
                .input(spotify.redirectUri + "?code=AQ-code-9&state=not-this-login\n");
        assertEquals(Command.FAILURE, command("work").run(ctx));
        assertTrue(ctx.errors().contains("state differs"), ctx.errors());
        assertFalse(Files.exists(dir.resolve("spotify/work.tokens.json")));
    }
}
