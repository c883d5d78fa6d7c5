package org.segue.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.segue.api.command.Command;

/**
 * The running OSGi framework of one Segue process: boots Felix, installs and starts the system
 * bundles of {@code bundles/}, then the user's plugins of {@code plugins/}, and keeps watching
 * {@code plugins/}. It holds no business logic; every feature is a bundle.
 *
 * <p>Each process gets its own framework cache in a temporary folder, deleted on {@link #close()},
 * so several {@code segue} commands (a server and a command line) can run side by side.
 */
public final class Kernel implements AutoCloseable {

    /** System bundles started before the rest, so that logging and configuration see everything. */
    private static final List<String> START_FIRST = List.of(
            "org.apache.felix.log", "org.apache.felix.configadmin", "org.apache.felix.scr");

    private final KernelSettings settings;
    private final ConsoleLog log;
    private final LoadProblems problems;
    private final Path storage;
    private final long startNanos;
    private Framework framework;
    private PluginFolder pluginFolder;
    private BundleLoader loader;
    private ServiceTracker<LogReaderService, LogReaderService> logReaders;
    private long readyNanos;

    private Kernel(KernelSettings settings, PrintStream console) throws IOException {
        this.startNanos = System.nanoTime();
        this.settings = settings;
        this.log = new ConsoleLog(console, settings.verbose());
        this.problems = new LoadProblems(log);
        this.storage = Files.createTempDirectory("segue-framework-");
    }

    /**
     * Boots a kernel and returns once every bundle present has been installed and started (or
     * recorded as failed) and the plugin folder is being watched.
     *
     * @param console where log lines go (standard error for the command line)
     */
    public static Kernel boot(KernelSettings settings, PrintStream console) throws Exception {
        Kernel kernel = new Kernel(settings, console);
        try {
            kernel.start();
            return kernel;
        } catch (Exception | Error e) {
            kernel.close();
            throw e;
        }
    }

    /** Framework property: the OS user's configuration folder, {@code $XDG_CONFIG_HOME/segue/conf}. */
    public static final String USER_CONF = "segue.user.conf";

    /**
     * The OS user's configuration folder: the system property {@value #USER_CONF} when set, else
     * {@code $XDG_CONFIG_HOME/segue/conf}, else {@code ~/.config/segue/conf}.
     */
    public static Path userConf() {
        String property = System.getProperty(USER_CONF);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("segue").resolve("conf").toAbsolutePath();
    }

    private void start() throws BundleException, IOException {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                SharedApis.systemPackagesExtra(Kernel.class.getClassLoader()));
        config.put("felix.log.logger", new FrameworkLogger(log));
        config.put("segue.home", settings.home().toString());
        // Config Admin is fed from conf/ by Felix File Install: *.cfg and *.config files, live.
        config.put("felix.fileinstall.dir", settings.conf().toString());
        config.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        config.put("felix.fileinstall.poll", String.valueOf(settings.pollInterval().toMillis()));
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.log.level", settings.verbose() ? "4" : "1");
        // conf/ belongs to the user: never rewrite it when a configuration changes at run time.
        config.put("felix.fileinstall.enableConfigSave", "false");
        // The OS user's own configuration (connector credentials written by `segue connect`),
        // watched beside conf/ by a second File Install watcher that conf/ declares.
        config.put(USER_CONF, userConf().toString());
        config.put("ds.loglevel", settings.verbose() ? "debug" : "warn");

        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> frameworkConfig = (Map) config;
        framework = new FrameworkFactory().newFramework(frameworkConfig);
        framework.init();
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                Bundle b = event.getBundle();
                log.error("framework error in " + (b == null ? "?" : b.getSymbolicName()), event.getThrowable());
            }
        });
        // Opened before any bundle starts, so the console sees log entries from the first one on.
        logReaders = new ServiceTracker<>(context, LogReaderService.class, null) {
            @Override
            public LogReaderService addingService(org.osgi.framework.ServiceReference<LogReaderService> reference) {
                LogReaderService reader = super.addingService(reference);
                reader.addLogListener(log);
                return reader;
            }
        };
        logReaders.open();
        framework.start();

        loader = new BundleLoader(context, problems, settings.startTimeout());
        startSystemBundles(context, loader);
        registerBuiltInCommands(context);

        Files.createDirectories(settings.plugins());
        pluginFolder = new PluginFolder(settings.plugins(), context, loader, log);
        pluginFolder.scan(true);
        pluginFolder.watch(settings.pollInterval());
        readyNanos = System.nanoTime();
        log.info("ready in " + TimeUnit.NANOSECONDS.toMillis(readyNanos - startNanos) + " ms");
    }

    private void startSystemBundles(BundleContext context, BundleLoader loader) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(settings.bundles())) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(settings.bundles(), "*.jar")) {
                stream.forEach(files::add);
            }
        } else {
            log.warn("no system bundles: " + settings.bundles() + " does not exist");
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        Map<Bundle, Path> installed = new HashMap<>();
        List<Bundle> order = new ArrayList<>();
        for (Path file : files) {
            Bundle b = loader.install(file, true);
            if (b != null) {
                installed.put(b, file);
                order.add(b);
            }
        }
        order.sort(Comparator.comparingInt(b -> {
            int i = START_FIRST.indexOf(b.getSymbolicName());
            return i < 0 ? START_FIRST.size() : i;
        }));
        for (Bundle b : order) {
            loader.start(b, installed.get(b));
            if ("org.apache.felix.log".equals(b.getSymbolicName())) {
                applyLogLevel(context);
            }
        }
    }

    /** Makes the OSGi Log Service record what the console shows: debug with --verbose. */
    private void applyLogLevel(BundleContext context) {
        var ref = context.getServiceReference(LoggerAdmin.class);
        if (ref == null) {
            return;
        }
        LoggerAdmin admin = context.getService(ref);
        try {
            admin.getLoggerContext(null).setLogLevels(
                    Map.of(Logger.ROOT_LOGGER_NAME, settings.verbose() ? LogLevel.DEBUG : LogLevel.WARN));
        } finally {
            context.ungetService(ref);
        }
    }

    private void registerBuiltInCommands(BundleContext context) {
        register(context, new PluginsCommand(context, problems, settings), "plugins",
                "Lists every bundle with its version and state, and why a plugin failed");
        register(context, new HelpCommand(context), "help", "Lists the available commands");
        register(context, new StartupBenchCommand(settings), "bench startup",
                "Measures the median cold start of the kernel to ready");
    }

    private static void register(BundleContext context, Command command, String name, String summary) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Command.NAME, name);
        props.put(Command.SUMMARY, summary);
        context.registerService(Command.class, command, props);
    }

    /** The framework's context, for the command dispatcher and tests. */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** Milliseconds from the start of {@link #boot} to ready. */
    public long bootMillis() {
        return TimeUnit.NANOSECONDS.toMillis(readyNanos - startNanos);
    }

    ConsoleLog log() {
        return log;
    }


    /** Stops every bundle in reverse start order and removes this process's framework cache. */
    @Override
    public synchronized void close() {
        if (pluginFolder != null) {
            pluginFolder.close();
            pluginFolder = null;
        }
        if (loader != null) {
            loader.close();
            loader = null;
        }
        if (framework != null) {
            try {
                framework.stop();
                FrameworkEvent event = framework.waitForStop(TimeUnit.SECONDS.toMillis(20));
                if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                    log.warn("bundles did not stop within 20 s; exiting anyway");
                }
            } catch (BundleException e) {
                log.error("stopping the framework failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            framework = null;
        }
        deleteTree(storage);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless; the next boot uses a new folder
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
