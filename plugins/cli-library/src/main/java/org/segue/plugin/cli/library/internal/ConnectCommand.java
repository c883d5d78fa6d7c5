package org.segue.plugin.cli.library.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.support.io.AtomicFiles;

/**
 * {@code segue connect <service> [--name N] [--secret KEY]… key=value…}: saves one account of a
 * streaming connector as the factory configuration {@code org.segue.connector.<service>-<name>.cfg}
 * in the OS user's configuration folder (the framework property {@code segue.user.conf}), which the
 * kernel watches beside {@code conf/}.
 *
 * <p>Secrets (the keys named by {@code --secret}, {@code password} when none is named) are never
 * taken from the command line, where shell history and process lists would keep them: they are read
 * from the terminal without echo, or from standard input when there is no terminal (scripts). They
 * are never printed. The file is written atomically and readable by its owner only.
 */
@Component
@SegueCommand(name = "connect", summary = "Saves a service account (Subsonic, Jamendo, Spotify, Icecast …) in your own config folder")
public class ConnectCommand implements Command {
    static final String USAGE_TEXT = "usage: segue connect <service> [--name N] [--secret KEY]... [--no-secret] key=value...\n"
            + "       e.g. segue connect subsonic url=https://music.example.org username=alice   (asks for the password)";
    static final String PID_PREFIX = "org.segue.connector.";
    private static final String NAME = "[a-z0-9][a-z0-9_.-]{0,31}";

    Path userConf;

    @Activate
    void activate(BundleContext context) {
        String configured = context.getProperty("segue.user.conf");
        userConf = configured == null ? null : Path.of(configured);
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        List<String> args = ctx.arguments();
        if (args.isEmpty() || !args.get(0).matches(NAME)) {
            ctx.err().println(USAGE_TEXT);
            return USAGE;
        }
        String service = args.get(0);
        String name = "default";
        List<String> secrets = new ArrayList<>();
        boolean noSecret = false;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--name") || a.equals("--secret")) && i + 1 < args.size()) {
                String v = args.get(++i);
                if (a.equals("--name")) {
                    if (!v.matches(NAME)) {
                        ctx.err().println("segue connect: --name must be lower-case letters, digits, '.', '_' or '-'");
                        return USAGE;
                    }
                    name = v;
                } else {
                    secrets.add(v);
                }
            } else if (a.equals("--no-secret")) {
                noSecret = true;
            } else if (a.indexOf('=') > 0 && !a.startsWith("-")) {
                values.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                ctx.err().println("segue connect: unexpected " + a + "\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        if (noSecret) {
            secrets.clear();
        } else if (secrets.isEmpty()) {
            secrets.add("password");
        }
        for (String key : values.keySet()) {
            if (secrets.contains(key) || looksSecret(key)) {
                ctx.err().println("segue connect: give " + key + " when asked, not on the command line, where shell "
                        + "history and process lists keep it");
                return USAGE;
            }
        }
        if (userConf == null) {
            ctx.err().println("segue connect: the kernel did not say where the user's configuration lives");
            return FAILURE;
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
        for (String key : secrets) {
            String secret = readSecret(ctx, stdin, service + " " + key + ": ");
            if (secret == null || secret.isEmpty()) {
                ctx.err().println("segue connect: no " + key + " given; nothing saved");
                return FAILURE;
            }
            if (!CfgValues.representable(secret)) {
                ctx.err().println("segue connect: the " + key + " contains '${', which configuration files read as a "
                        + "variable; nothing saved");
                return FAILURE;
            }
            values.put(key, secret);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!CfgValues.representable(e.getValue())) {
                ctx.err().println("segue connect: " + e.getKey() + " contains '${', which configuration files read as "
                        + "a variable; nothing saved");
                return FAILURE;
            }
        }
        Path file = userConf.resolve(PID_PREFIX + service + "-" + name + ".cfg");
        write(file, values);
        ctx.out().println("Saved the " + service + " account '" + name + "' to " + file + " (readable by you only"
                + (secrets.isEmpty() ? "" : "; " + String.join(", ", secrets) + " not shown")
                + "). Use it with: segue import --from " + service + " …");
        return OK;
    }

    private static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token");
    }

    private static String readSecret(CommandContext ctx, BufferedReader stdin, String prompt) throws IOException {
        Console console = System.console();
        if (console != null && ctx.in() == System.in) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        }
        return stdin.readLine();
    }

    /** Writes the configuration atomically, owner-only where the file system has POSIX permissions. */
    static void write(Path file, Map<String, String> values) throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            AtomicFiles.restrict(folder);
        }
        StringBuilder text = new StringBuilder("# Written by segue connect; secrets are kept here, readable by you only.\n");
        values.forEach((k, v) -> text.append(CfgValues.escapeKey(k)).append('=').append(CfgValues.escapeValue(v))
                .append('\n'));
        AtomicFiles.writeBytes(file, text.toString().getBytes(StandardCharsets.UTF_8), true);
    }
}
