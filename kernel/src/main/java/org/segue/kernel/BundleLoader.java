package org.segue.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs, starts, updates and uninstalls bundle files, one at a time, so that one bad file is
 * recorded in {@link LoadProblems} and never stops the others.
 */
final class BundleLoader implements AutoCloseable {

    private final BundleContext context;
    private final LoadProblems problems;
    private final Duration startTimeout;
    /**
     * Starts run here, not on the caller's thread, so that an activator that never returns costs
     * one stuck thread instead of the boot or the plugin-folder watcher.
     */
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "segue-bundle-start");
        t.setDaemon(true);
        return t;
    });

    BundleLoader(BundleContext context, LoadProblems problems, Duration startTimeout) {
        this.context = context;
        this.problems = problems;
        this.startTimeout = startTimeout;
    }

    /**
     * Installs a file.
     *
     * @param byReference read the file in place (immutable system bundles, fast) instead of
     *     copying it into the framework's cache (plugins, which users may overwrite at any time)
     * @return the bundle, or {@code null} when the file is not a valid bundle (recorded)
     */
    Bundle install(Path file, boolean byReference) {
        String location = location(file);
        try {
            if (byReference) {
                return context.installBundle("reference:" + file.toUri());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return context.installBundle(location, in);
            }
        } catch (BundleException | IOException | RuntimeException e) {
            problems.report(file.getFileName().toString(), null, null, e);
            return null;
        }
    }

    /** How a start ended. */
    enum StartResult {
        STARTED, FAILED,
        /** Did not finish in time; retrying would only block the caller again. */
        HUNG
    }

    /** Starts a bundle unless it is a fragment; failures are recorded, never thrown. */
    StartResult start(Bundle bundle, Path file) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return StartResult.STARTED;
        }
        String name = file.getFileName().toString();
        Future<?> started = starter.submit(() -> {
            bundle.start();
            return null;
        });
        Throwable failure;
        try {
            started.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            problems.clear(name);
            return StartResult.STARTED;
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            started.cancel(true); // interrupts the activator; one that ignores it stays stuck alone
            problems.report(name, bundle.getSymbolicName(), String.valueOf(bundle.getVersion()),
                    new TimeoutException("did not start within " + startTimeout.toSeconds()
                            + " s (its activator or a component's activate method hangs)"));
            return StartResult.HUNG;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        }
        problems.report(name, bundle.getSymbolicName(), String.valueOf(bundle.getVersion()), failure);
        return StartResult.FAILED;
    }

    @Override
    public void close() {
        starter.shutdownNow();
    }

    /** Replaces a bundle's content with the file's current bytes and refreshes its wiring. */
    Bundle update(Bundle bundle, Path file) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            bundle.update(in);
            refresh(java.util.List.of(bundle));
            problems.clear(name);
            return bundle;
        } catch (BundleException | IOException | RuntimeException e) {
            problems.report(name, bundle.getSymbolicName(), String.valueOf(bundle.getVersion()), e);
            return bundle;
        }
    }

    /** Uninstalls a bundle and lets its dependents rewire; never throws. */
    void uninstall(Bundle bundle, Path file) {
        problems.clear(file.getFileName().toString());
        try {
            bundle.uninstall();
            refresh(java.util.List.of(bundle));
        } catch (BundleException | RuntimeException e) {
            problems.report(file.getFileName().toString(), bundle.getSymbolicName(),
                    String.valueOf(bundle.getVersion()), e);
        }
    }

    /** Drops the recorded problem of a file that is gone. */
    void forget(Path file) {
        problems.clear(file.getFileName().toString());
    }

    /**
     * Refreshes and waits, so that a removed or updated bundle's old classes are gone before the
     * watcher reports the change as done.
     */
    void refresh(Collection<Bundle> bundles) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            done.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String location(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }
}
