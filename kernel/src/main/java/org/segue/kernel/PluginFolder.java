package org.segue.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Hot deploy: keeps the bundles installed from {@code plugins/} equal to the jars in it.
 *
 * <p>A new jar is installed and started, a replaced jar updated, a removed jar uninstalled, without
 * a restart. The folder is polled rather than watched with inotify because a polled snapshot also
 * tells when a file has stopped changing: a jar is acted on only once its size and modification
 * time are the same in two scans, so a jar still being copied is never read half-written. With the
 * default 400 ms interval a dropped jar runs within about one second.
 *
 * <p>Thread-safety: all work happens on one scanner thread (or the caller of {@link #scan} at boot).
 */
final class PluginFolder implements AutoCloseable {

    private record Fingerprint(long size, long modified) {
    }

    private final Path folder;
    private final BundleContext context;
    private final BundleLoader loader;
    private final ConsoleLog log;
    /** What the last scan saw, to tell a settled file from one being written. */
    private final Map<Path, Fingerprint> lastSeen = new HashMap<>();
    /** What was installed (or tried) per file, with the fingerprint it was installed from. */
    private final Map<Path, Fingerprint> applied = new HashMap<>();
    private final Map<Path, Long> bundleIds = new HashMap<>();
    /** Plugins whose start hung: not retried until their file changes. */
    private final java.util.Set<Path> hung = new java.util.HashSet<>();
    private ScheduledExecutorService scanner;

    PluginFolder(Path folder, BundleContext context, BundleLoader loader, ConsoleLog log) {
        this.folder = folder;
        this.context = context;
        this.loader = loader;
        this.log = log;
    }

    /** Watches the folder from now on, scanning every {@code interval}. */
    synchronized void watch(Duration interval) {
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segue-plugin-folder");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        scanner.scheduleWithFixedDelay(() -> {
            try {
                scan(false);
            } catch (RuntimeException e) {
                log.error("scanning " + folder + " failed", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Brings the installed plugins in line with the folder.
     *
     * @param atBoot act on every file at once: at boot the files are at rest, and waiting one
     *     interval would only slow the start
     */
    synchronized void scan(boolean atBoot) {
        Map<Path, Fingerprint> now = list();
        List<Bundle> toStart = new ArrayList<>();
        boolean changed = false;

        for (Map.Entry<Path, Fingerprint> e : now.entrySet()) {
            Path file = e.getKey();
            Fingerprint print = e.getValue();
            boolean settled = atBoot || print.equals(lastSeen.get(file));
            if (!settled || print.equals(applied.get(file))) {
                continue;
            }
            changed = true;
            applied.put(file, print);
            hung.remove(file);
            Bundle existing = installedBundle(file);
            if (existing == null) {
                Bundle b = loader.install(file, false);
                if (b != null) {
                    bundleIds.put(file, b.getBundleId());
                    toStart.add(b);
                    log.info("installed plugin " + b.getSymbolicName() + " " + b.getVersion());
                }
            } else {
                Bundle b = loader.update(existing, file);
                toStart.add(b);
                log.info("updated plugin " + b.getSymbolicName() + " " + b.getVersion());
            }
        }
        for (Path file : new ArrayList<>(applied.keySet())) {
            if (!now.containsKey(file)) {
                changed = true;
                applied.remove(file);
                hung.remove(file);
                Bundle b = installedBundle(file);
                bundleIds.remove(file);
                if (b != null) {
                    log.info("uninstalling plugin " + b.getSymbolicName() + " " + b.getVersion());
                    loader.uninstall(b, file);
                } else {
                    loader.forget(file); // it never became a bundle; only its problem remains
                }
            }
        }
        lastSeen.clear();
        lastSeen.putAll(now);

        if (changed) {
            // A plugin that could not resolve before may resolve now that another one arrived.
            for (Map.Entry<Path, Long> e : bundleIds.entrySet()) {
                Bundle b = context.getBundle(e.getValue());
                if (b != null && b.getState() != Bundle.ACTIVE && !toStart.contains(b) && !hung.contains(e.getKey())) {
                    toStart.add(b);
                }
            }
            for (Bundle b : toStart) {
                Path file = fileOf(b);
                if (file != null && b.getState() != Bundle.UNINSTALLED
                        && loader.start(b, file) == BundleLoader.StartResult.HUNG) {
                    hung.add(file);
                }
            }
        }
    }

    private Bundle installedBundle(Path file) {
        Long id = bundleIds.get(file);
        return id == null ? null : context.getBundle(id);
    }

    private Path fileOf(Bundle bundle) {
        for (Map.Entry<Path, Long> e : bundleIds.entrySet()) {
            if (e.getValue() == bundle.getBundleId()) {
                return e.getKey();
            }
        }
        return null;
    }

    private Map<Path, Fingerprint> list() {
        Map<Path, Fingerprint> files = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path p : stream) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue; // editors' and copy tools' temporary files
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        files.put(p, new Fingerprint(a.size(), a.lastModifiedTime().toMillis()));
                    }
                } catch (IOException gone) {
                    // removed between listing and reading: the next scan sees it gone
                }
            }
        } catch (IOException e) {
            log.warn("cannot list " + folder + ": " + e.getMessage());
        }
        return files;
    }

    @Override
    public synchronized void close() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }
}
