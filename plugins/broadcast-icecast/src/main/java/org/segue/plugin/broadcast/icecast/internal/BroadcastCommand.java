package org.segue.plugin.broadcast.icecast.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;
import org.segue.api.command.SegueCommand;

/**
 * {@code segue broadcast <audio file> [--to http://host:port/mount] [--name …] [--genre …]
 * [--description …] [--public] [--fast]}: streams a mix (or any audio file) live to an Icecast
 * server as Ogg Vorbis, paced to real time.
 *
 * <p>Credentials come from a saved mount ({@link IcecastAccount}, made by {@code segue connect
 * icecast}); for an unsaved mount the source password is read from the terminal without echo, or
 * from standard input. Never from the command line.
 */
@Component
@SegueCommand(name = "broadcast", summary = "Streams a mix live to an Icecast server")
public class BroadcastCommand implements Command {
    static final String USAGE_TEXT = "usage: segue broadcast <audio file> [--to http://host:port/mount] [--user U] "
            + "[--name N] [--genre G] [--description D] [--public] [--fast]";

    @Reference
    AudioOpener opener;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<IcecastAccount> accounts = new CopyOnWriteArrayList<>();

    List<String> ffmpeg = List.of("ffmpeg");
    Duration timeout = Duration.ofSeconds(15);

    @Override
    public int run(CommandContext ctx) throws Exception {
        String file = null;
        String to = null;
        String user = null;
        boolean realTime = true;
        Map<String, String> ice = new LinkedHashMap<>();
        ice.put("ice-public", "0");
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasValue = i + 1 < args.size();
            switch (a) {
                case "--to", "--user", "--name", "--genre", "--description" -> {
                    if (!hasValue) {
                        ctx.err().println("segue broadcast: " + a + " needs a value\n" + USAGE_TEXT);
                        return USAGE;
                    }
                    String v = args.get(++i);
                    switch (a) {
                        case "--to" -> to = v;
                        case "--user" -> user = v;
                        case "--name" -> ice.put("ice-name", v);
                        case "--genre" -> ice.put("ice-genre", v);
                        default -> ice.put("ice-description", v);
                    }
                }
                case "--public" -> ice.put("ice-public", "1");
                case "--fast" -> realTime = false;
                default -> {
                    if (a.startsWith("-") || file != null) {
                        ctx.err().println("segue broadcast: unexpected " + a + "\n" + USAGE_TEXT);
                        return USAGE;
                    }
                    file = a;
                }
            }
        }
        if (file == null) {
            ctx.err().println(USAGE_TEXT);
            return USAGE;
        }
        IcecastAccount account = account(to);
        if (to == null && account == null) {
            ctx.err().println("segue broadcast: say where with --to http://host:port/mount, or save a mount with "
                    + "segue connect icecast url=… (" + accounts.size() + " saved)");
            return USAGE;
        }
        URI url = account != null ? account.url() : URI.create(to);
        String password = account != null ? account.password() : readPassword(ctx, url);
        if (password == null || password.isEmpty()) {
            ctx.err().println("segue broadcast: no source password given");
            return FAILURE;
        }
        Path audio = ctx.workingDirectory().resolve(file);
        String sourceUser = user != null ? user : account != null ? account.username() : "source";
        Broadcast.Target target = new Broadcast.Target(url, sourceUser, password, ice, realTime, 2.0, timeout, ffmpeg);
        try (PcmSource source = opener.open(audio);
                Progress progress = ctx.progress("Broadcasting to " + url, Math.max(0, source.frameLength()))) {
            long frames = Broadcast.run(source, target, progress, ctx::cancelled);
            double seconds = frames / (double) source.format().sampleRate();
            ctx.out().printf("Broadcast %.1f s of %s to %s%s%n", seconds, audio.getFileName(), url,
                    ctx.cancelled() ? " (stopped)" : "");
            return ctx.cancelled() ? FAILURE : OK;
        } catch (IOException e) {
            ctx.err().println("segue broadcast: " + e.getMessage());
            return FAILURE;
        }
    }

    private IcecastAccount account(String to) {
        if (to == null) {
            return accounts.size() == 1 ? accounts.get(0) : null;
        }
        URI wanted = URI.create(to);
        return accounts.stream().filter(a -> a.url().equals(wanted)).findFirst().orElse(null);
    }

    private static String readPassword(CommandContext ctx, URI url) throws IOException {
        Console console = System.console();
        if (console != null && ctx.in() == System.in) {
            char[] typed = console.readPassword("source password for %s: ", url);
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
    }
}
