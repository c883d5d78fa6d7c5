package org.segue.plugin.connector.spotify.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.connector.StreamingConnector;

/**
 * {@code segue spotify-login [--name N] [--paste] [--wait SECONDS]}: lets a configured Spotify
 * account ({@code segue connect spotify clientId=<id> --no-secret}) authorise Segue. It prints
 * Spotify's consent address for the user's browser and catches the answer at the loopback redirect
 * URI, or, with {@code --paste} or when it cannot listen there, reads the address the browser was
 * sent to from standard input. Tokens go to the account's owner-only file; nothing secret is printed.
 */
@Component
@SegueCommand(name = "spotify-login", summary = "Authorises Segue to read a Spotify account's playlists (OAuth 2 PKCE)")
public class SpotifyLoginCommand implements Command {
    static final String USAGE_TEXT = "usage: segue spotify-login [--name N] [--paste] [--wait SECONDS]\n"
            + "       first: segue connect spotify clientId=<your app's client id> --no-secret [--name N]";

    final List<StreamingConnector> connectors = new CopyOnWriteArrayList<>();
    /** How long to wait for a just-configured account to appear; changed by tests. */
    long connectorWaitMillis = 5000;

    @Reference(name = "connector", service = StreamingConnector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + StreamingConnector.SERVICE + "=" + SpotifyConnector.SERVICE + ")")
    void bindConnector(StreamingConnector connector) {
        connectors.add(connector);
    }

    void unbindConnector(StreamingConnector connector) {
        connectors.remove(connector);
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        String name = "default";
        boolean paste = false;
        long waitSeconds = 300;
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--name") && i + 1 < args.size()) {
                name = args.get(++i);
            } else if (a.equals("--paste")) {
                paste = true;
            } else if (a.equals("--wait") && i + 1 < args.size() && args.get(i + 1).matches("\\d{1,5}")) {
                waitSeconds = Long.parseLong(args.get(++i));
            } else {
                ctx.err().println("segue spotify-login: unexpected " + a + "\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        SpotifyAuth auth = account(ctx, name);
        if (auth == null) {
            ctx.err().println("segue spotify-login: no Spotify account '" + name + "' is configured\n" + USAGE_TEXT);
            return FAILURE;
        }
        try (SpotifyLogin login = new SpotifyLogin(auth)) {
            String code = null;
            ctx.out().println("Open this address in a browser and allow Segue to read your playlists:");
            ctx.out().println("  " + login.authorizeUri());
            if (!paste && login.canListen()) {
                try {
                    login.listen();
                    ctx.out().println("Waiting for Spotify's answer at " + auth.redirectUri() + " (up to " + waitSeconds
                            + " s; Ctrl-C to stop) …");
                    ctx.out().flush();
                    long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
                    while (code == null && !ctx.cancelled() && System.nanoTime() < deadline) {
                        code = login.awaitCode(Duration.ofMillis(200));
                    }
                    if (code == null) {
                        ctx.err().println("segue spotify-login: no answer from the browser; nothing saved");
                        return FAILURE;
                    }
                } catch (java.net.BindException e) {
                    ctx.out().println("(cannot listen at " + auth.redirectUri() + ": " + e.getMessage() + ")");
                    paste = true;
                }
            } else {
                paste = true;
            }
            if (paste) {
                ctx.out().println("Then paste here the whole address the browser was sent to (it starts with "
                        + auth.redirectUri() + "):");
                ctx.out().flush();
                String line = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isBlank()) {
                    ctx.err().println("segue spotify-login: nothing pasted; nothing saved");
                    return FAILURE;
                }
                code = login.codeFrom(line);
            }
            login.finish(code);
        } catch (IOException e) {
            ctx.err().println("segue spotify-login: " + e.getMessage());
            return FAILURE;
        }
        ctx.out().println("Connected the Spotify account '" + name + "'; its tokens are in " + auth.store().file()
                + " (readable by you only). Use it with: segue import --from spotify …");
        return OK;
    }

    private SpotifyAuth account(CommandContext ctx, String name) throws InterruptedException {
        // Accounts arrive through Config Admin while the kernel boots; give a just-started one a moment.
        for (long waited = 0;; waited += 100) {
            for (StreamingConnector c : connectors) {
                if (c instanceof SpotifyConnector s && s.auth() != null && s.auth().account().equals(name)) {
                    return s.auth();
                }
            }
            if (waited >= connectorWaitMillis || ctx.cancelled()) {
                return null;
            }
            Thread.sleep(100);
        }
    }
}
