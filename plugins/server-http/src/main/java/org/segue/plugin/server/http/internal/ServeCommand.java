package org.segue.plugin.server.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.plugin.server.http.internal.auth.AccountHooks;
import org.segue.plugin.server.http.internal.auth.PasswordHasher;
import org.segue.plugin.server.http.internal.share.ShareEvents;
import org.segue.plugin.server.http.internal.share.ShareRoutes;
import org.segue.plugin.server.http.internal.share.ShareStore;
import org.segue.plugin.server.http.internal.play.PlayRecorder;
import org.segue.plugin.server.http.internal.play.PlayRoutes;
import org.segue.plugin.server.http.internal.play.PlayServices;
import org.segue.plugin.server.http.internal.routes.MusicApi;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.PlainHttpFilter;
import org.segue.plugin.server.http.internal.web.ServletPublisher;
import org.segue.plugin.server.http.internal.web.Router;
import org.segue.plugin.server.http.internal.web.Settings;

/**
 * {@code segue serve [--port N] [--host ADDR] [--data DIR]}: runs the REST api until Ctrl-C or
 * SIGTERM. Prints {@code Segue server listening on http://HOST:PORT} once requests are answered.
 */
@Component(configurationPid = ServeCommand.PID)
@Designate(ocd = ServerConfig.class)
@SegueCommand(name = "serve", summary = "Runs the headless server: REST api (and web UI) over HTTP")
public class ServeCommand implements Command {

    public static final String PID = "org.segue.server";
    /** How long a request waits for a user's library right after the account was made. */
    static final Duration LIBRARY_WAIT = Duration.ofSeconds(10);
    static final String USAGE_TEXT = "usage: segue serve [--port N] [--host ADDR] [--data DIR]"
            + " [--https-port N --keystore FILE.p12]  (keystore password in $" + ServeOptions.KEYSTORE_PASSWORD + ")";

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    ServiceComponentRuntime scr;

    @Reference
    MusicServices music;

    @Reference
    ShareEvents shareEvents;

    @Reference
    PlayServices play;

    private volatile ServerConfig config;
    private BundleContext context;

    @Activate
    void activate(BundleContext context, ServerConfig config) {
        this.context = context;
        this.config = config;
    }

    @Modified
    void modified(ServerConfig config) {
        this.config = config; // applies to the next segue serve
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        ServeOptions options;
        try {
            options = ServeOptions.parse(ctx.arguments(), config, ctx.workingDirectory(), System.getenv());
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue serve: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        ServerConfig c = config;
        BiConsumer<String, Throwable> errors = (what, e) -> {
            ctx.err().println("segue serve: " + what + " failed: " + e);
            if (ctx.verbose()) {
                e.printStackTrace(ctx.err());
            }
        };
        int threads = c.jobThreads() > 0 ? c.jobThreads() : Runtime.getRuntime().availableProcessors();
        UserLibraries libraries = new UserLibraries(context, configAdmin, options.data(), errors);
        List<BiConsumer<Router, ServerCore>> routes = new ArrayList<>();
        List<Path> importRoots = new ArrayList<>();
        for (String root : c.importRoots()) {
            importRoots.add(Path.of(root).toAbsolutePath().normalize());
        }
        routes.add((router, core) -> new MusicApi(music, user -> libraries.library(user, LIBRARY_WAIT)
                .orElseThrow(() -> new ApiException(503, "Service unavailable", "the library of " + user
                        + " is not available; is the library-lucene bundle active?")),
                core::userFolder, core.jobs(), c.maxUploadBytes(), importRoots)
                .recordingTo(new PlayRecorder(play, Clock.systemUTC(), errors)).register(router));
        routes.add((router, core) -> new PlayRoutes(play, new DataFolderMixes(music::mixes, core::userFolder),
                Clock.systemUTC()).register(router));
        ShareStore shares = new ShareStore(options.data().resolve(ShareStore.FILE), ServerCore.mapper(), Clock.systemUTC());
        routes.add((router, core) -> new ShareRoutes(shares, new DataFolderMixes(music::mixes, core::userFolder),
                user -> core.users().find(user).isPresent(), shareEvents, errors).register(router));
        Files.createDirectories(options.data());
        try (FileChannel lockFile = FileChannel.open(options.data().resolve(".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // Two servers on one data folder would overwrite each other's accounts and jobs.
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                ctx.err().println("segue serve: another segue serve is using " + options.data());
                return FAILURE;
            }
            return serve(ctx, options, c, threads, shares.forgetting(libraries), routes, errors);
        }
    }

    private int serve(CommandContext ctx, ServeOptions options, ServerConfig c, int threads, AccountHooks libraries,
            List<BiConsumer<Router, ServerCore>> routes, BiConsumer<String, Throwable> errors) throws Exception {
        // Declarative Services does not enforce the metatype minimum; the floor is a security property.
        int iterations = Math.max(PasswordHasher.MIN_ITERATIONS, c.passwordIterations());
        try (ServerCore core = new ServerCore(options.data(), settings(c), iterations, threads,
                context.getBundle().getVersion().toString(), openApi(), new PluginList(context, scr)::list,
                libraries, routes, Clock.systemUTC(), errors)) {
            core.bootstrap(ctx.out());
            HttpRuntime http = new HttpRuntime(context, configAdmin);
            AutoCloseable servlet = null;
            AutoCloseable plainHttp = null;
            try {
                HttpRuntime.Endpoints endpoints;
                try {
                    endpoints = http.start(HttpRuntime.bundleFolder(context), options.host(), options.port(),
                            c.acceptQueueSize(), options.tls(), ctx.verbose(), Duration.ofSeconds(30));
                } catch (IOException e) {
                    ctx.err().println("segue serve: " + e.getMessage());
                    return FAILURE;
                }
                URI endpoint = endpoints.http();
                servlet = ServletPublisher.publish(context, core.api());
                if (endpoints.https() != null && c.redirectPlainHttp()) {
                    plainHttp = PlainHttpFilter.publish(context, new PlainHttpFilter(endpoints.https().getPort(),
                            c.hstsSeconds(), PlainHttpFilter::isLoopback, core.api().mapper()));
                }
                String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
                ReadyProbe.await(URI.create("http://" + ReadyProbe.loopbackFor(options.host()) + ":"
                        + endpoint.getPort() + "/api/health"), Duration.ofSeconds(30));
                ctx.out().println("Segue server listening on http://" + host + ":" + endpoint.getPort());
                if (endpoints.https() != null) {
                    ctx.out().println("Segue server listening on https://" + host + ":" + endpoints.https().getPort());
                }
                ctx.out().println("Data in " + options.data());
                ctx.out().flush();
                while (!ctx.cancelled()) {
                    Thread.sleep(100);
                }
                ctx.out().println("Segue server stopping");
            } finally {
                if (plainHttp != null) {
                    plainHttp.close();
                }
                if (servlet != null) {
                    servlet.close();
                }
                http.stop();
            }
        }
        return OK;
    }

    static Settings settings(ServerConfig c) {
        return new Settings(c.maxBodyBytes(), c.maxUploadBytes(), c.requestsPerSecond(), c.burst(),
                c.loginAttemptsPerMinute(), List.of(c.allowedOrigins()), Duration.ofHours(c.tokenLifetimeHours()));
    }

    static byte[] openApi() throws IOException {
        try (InputStream in = ServeCommand.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IOException("the bundle lacks /openapi.json");
            }
            return in.readAllBytes();
        }
    }

    static Path defaultData() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("segue").resolve("server");
    }
}
