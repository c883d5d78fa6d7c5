package org.segue.plugin.cli.plugin.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

/**
 * {@code segue plugin search|info|install|update|remove|list|trust}: the marketplace client.
 *
 * <p>Reads the framework (which bundles run, from which file) and writes only into the
 * installation's {@code plugins/}, which the kernel hot-deploys; it never installs bundles itself,
 * so a plugin installed here behaves exactly like one dropped in by hand.
 */
@Component(configurationPid = PluginCommand.PID)
@Designate(ocd = PluginCommand.Config.class)
@SegueCommand(name = "plugin", summary = "Finds, installs, updates and removes plugins from the marketplace")
public class PluginCommand implements Command {

    static final String PID = "org.segue.plugin.marketplace";
    static final String USAGE_TEXT = """
            usage: segue plugin search [<words>] [--category C]
                   segue plugin info <name>
                   segue plugin install <name>[@version]
                   segue plugin update [<name>]
                   segue plugin remove <name>
                   segue plugin list
                   segue plugin trust marketplace|<publisher> <sha256:fingerprint or Base64 key> [--url URL]
            options: --marketplace URL (instead of the configured one)""";

    @ObjectClassDefinition(name = "Segue marketplace client", description = "Where plugins come from and whom to trust")
    public @interface Config {
        @AttributeDefinition(description = "Base URL of the marketplace")
        String url() default "http://127.0.0.1:8090/";

        @AttributeDefinition(description = "Trusted Ed25519 keys, as Base64 SubjectPublicKeyInfo or sha256: "
                + "fingerprints: the marketplace key (signs the index) and the publishers whose plugins you accept")
        String[] trustedKeys() default {};

        @AttributeDefinition(description = "Seconds a new plugin may take to become ACTIVE before it is rolled back")
        int startTimeoutSeconds() default 20;

        @AttributeDefinition(description = "Seconds an HTTP request to the marketplace may take")
        int httpTimeoutSeconds() default 30;
    }

    private volatile Config config;
    private BundleContext context;
    private Path plugins;
    private TrustFile trustFile;

    @Activate
    void activate(BundleContext context, Config config) {
        this.context = context;
        this.config = config;
        String home = context.getProperty("segue.home");
        this.plugins = home == null ? null : Path.of(home).resolve("plugins");
        String userConf = context.getProperty("segue.user.conf");
        this.trustFile = new TrustFile(userConf == null ? null : Path.of(userConf));
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        List<String> args = new ArrayList<>(ctx.arguments());
        if (args.isEmpty()) {
            ctx.err().println(USAGE_TEXT);
            return USAGE;
        }
        String verb = args.remove(0);
        try {
            String url = option(args, "--marketplace");
            return switch (verb) {
                case "trust" -> trust(ctx, args);
                case "list" -> Listing.list(ctx, installed());
                case "search", "info", "install", "update", "remove" -> withMarketplace(ctx, verb, args, url);
                default -> {
                    ctx.err().println("segue plugin: unknown " + verb + "\n" + USAGE_TEXT);
                    yield USAGE;
                }
            };
        } catch (PluginException e) {
            ctx.err().println("segue plugin " + verb + ": " + e.getMessage());
            return FAILURE;
        }
    }

    private int withMarketplace(CommandContext ctx, String verb, List<String> args, String urlOption) {
        Config c = config;
        String url = urlOption != null ? urlOption : trustFile.url() != null ? trustFile.url() : c.url();
        List<String> keys = new ArrayList<>(Arrays.asList(c.trustedKeys()));
        keys.addAll(trustFile.trusted().values());
        Keys trusted = new Keys(keys);
        Path generations = trustFile.path() == null ? null : trustFile.path().resolveSibling(".marketplace-generations");
        MarketplaceClient client = new MarketplaceClient(URI.create(url), trusted, new Generations(generations),
                Clock.systemUTC(), Duration.ofSeconds(c.httpTimeoutSeconds()));
        if (plugins == null) {
            throw new PluginException("the kernel did not say where this installation lives (segue.home)");
        }
        Deployer deployer = new Deployer(plugins, this::installed, Duration.ofSeconds(c.startTimeoutSeconds()));
        PluginManager manager = new PluginManager(client, trusted, new JarInspector(JarInspector.Limits.defaults()),
                deployer, this::installed, ctx.err());
        return switch (verb) {
            case "search" -> Listing.search(ctx, client.index(), args, installed());
            case "info" -> args.size() != 1 ? usage(ctx) : Listing.info(ctx, client.index(), args.get(0), installed(), trusted);
            case "install" -> args.size() != 1 ? usage(ctx) : install(ctx, manager, client.index(), args.get(0));
            case "update" -> args.size() > 1 ? usage(ctx) : update(ctx, manager, client.index(), args.isEmpty() ? null : args.get(0));
            case "remove" -> args.size() != 1 ? usage(ctx) : remove(ctx, deployer, args.get(0));
            default -> usage(ctx);
        };
    }

    private int install(CommandContext ctx, PluginManager manager, Index index, String spec) {
        int at = spec.indexOf('@');
        String name = at < 0 ? spec : spec.substring(0, at);
        Version version;
        try {
            version = at < 0 ? null : Version.parseVersion(spec.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new PluginException("not an OSGi version: " + spec.substring(at + 1));
        }
        List<PluginManager.Verified> done = manager.install(index, name, version);
        if (done.isEmpty()) {
            ctx.out().println(name + " " + installed().bySymbolicName(name).map(Installed.Entry::version).orElse(null)
                    + " is already installed");
        }
        done.forEach(v -> ctx.out().println("installed " + v.what() + " (active)"));
        return OK;
    }

    private int update(CommandContext ctx, PluginManager manager, Index index, String only) {
        Installed now = installed();
        List<Installed.Entry> targets = now.bundles().stream().filter(Installed.Entry::isPlugin)
                .filter(b -> only == null || only.equals(b.symbolicName())).toList();
        if (only != null && targets.isEmpty()) {
            throw new PluginException(only + " is not installed from plugins/ (see `segue plugin list`)");
        }
        int updated = 0;
        for (Installed.Entry b : targets) {
            var listed = index.plugin(b.symbolicName()).flatMap(Index.Plugin::latest);
            if (listed.isEmpty() || listed.get().version().compareTo(b.version()) <= 0) {
                continue;
            }
            for (PluginManager.Verified v : manager.install(index, b.symbolicName(), listed.get().version())) {
                ctx.out().println("updated " + (v.plugin().symbolicName().equals(b.symbolicName())
                        ? b.symbolicName() + " " + b.version() + " -> " + v.release().version() : "dependency " + v.what()));
                updated++;
            }
        }
        if (updated == 0) {
            ctx.out().println("everything is up to date");
        }
        return OK;
    }

    private int remove(CommandContext ctx, Deployer deployer, String name) {
        Installed.Entry b = installed().bySymbolicName(name).orElseThrow(() ->
                new PluginException(name + " is not installed (see `segue plugin list`)"));
        if (!b.isPlugin()) {
            throw new PluginException(name + " is a bundle of Segue itself, not a plugin from plugins/; it cannot be removed");
        }
        deployer.remove(name + " " + b.version(), b.file());
        ctx.out().println("removed " + name + " " + b.version());
        return OK;
    }

    private int trust(CommandContext ctx, List<String> args) throws Exception {
        String url = option(args, "--url");
        if (args.size() != 2 || !args.get(0).matches("[a-z0-9][a-z0-9-]{1,39}")) {
            return usage(ctx);
        }
        String key = args.get(1);
        String fingerprint = key.startsWith("sha256:") ? key.toLowerCase(Locale.ROOT) : Keys.fingerprint(Keys.decode(key));
        if (!fingerprint.matches("sha256:[0-9a-f]{64}")) {
            throw new PluginException("not a fingerprint (sha256: and 64 hex digits): " + key);
        }
        Map<String, String> trusted = new TreeMap<>(trustFile.trusted());
        trusted.put(args.get(0), fingerprint);
        trustFile.save(url != null ? url : trustFile.url(), trusted);
        ctx.out().println("trusting " + args.get(0) + " " + fingerprint + " (saved in " + trustFile.path() + ")");
        return OK;
    }

    private Installed installed() {
        return Installed.of(context, plugins == null ? Path.of("plugins") : plugins);
    }

    private static int usage(CommandContext ctx) {
        ctx.err().println(USAGE_TEXT);
        return USAGE;
    }

    /** Removes {@code name value} from args and returns the value, or null. */
    static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new PluginException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return value;
    }
}
