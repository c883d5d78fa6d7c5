package org.segue.plugin.cli.plugin.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

/**
 * Puts verified jars into {@code plugins/} and waits for the kernel's hot deploy to act on them.
 *
 * <p>The kernel installs every settled {@code *.jar} not starting with a dot, so a jar is written
 * as {@code .<name>.part} (ignored), forced to disk, then renamed atomically: the kernel never sees
 * half a jar. The previous version of an update is set aside as {@code .<name>.previous} (ignored
 * too) and renamed back if the new one does not start within the time limit, so a failed update
 * leaves the old plugin running; a failed install leaves nothing.
 */
final class Deployer {

    private final Path plugins;
    private final Supplier<Installed> framework;
    private final Duration startLimit;

    Deployer(Path plugins, Supplier<Installed> framework, Duration startLimit) {
        this.plugins = plugins;
        this.framework = framework;
        this.startLimit = startLimit;
    }

    static String fileName(String bsn, org.osgi.framework.Version version) {
        return bsn + "-" + version + ".jar";
    }

    /**
     * Deploys {@code jar} as {@code fileName}, replacing {@code previous} (a file of plugins/, or null).
     *
     * @throws PluginException when it did not become ACTIVE in time; rolled back by then
     */
    void deploy(String what, String fileName, byte[] jar, Path previous) {
        Path target = plugins.resolve(fileName);
        Path temp = plugins.resolve("." + fileName + ".part");
        Path aside = previous == null ? null : plugins.resolve("." + previous.getFileName() + ".previous");
        try {
            Files.createDirectories(plugins);
            write(temp, jar);
            if (previous != null) {
                move(previous, aside);
            }
            move(temp, target);
        } catch (IOException e) {
            restore(target, temp, previous, aside);
            throw new PluginException(what + ": cannot write into " + plugins + ": " + e.getMessage(), e);
        }
        String failure = awaitActive(target);
        if (failure == null) {
            try {
                if (aside != null) {
                    Files.deleteIfExists(aside);
                }
            } catch (IOException e) {
                // The old jar stays hidden and ignored; harmless, and the next update replaces it.
            }
            return;
        }
        restore(target, temp, previous, aside);
        awaitGone(target);
        if (previous != null) {
            awaitActive(previous);
        }
        throw new PluginException(what + ": " + failure + "; rolled back"
                + (previous == null ? ", nothing installed" : ", " + previous.getFileName() + " restored"));
    }

    /** Deletes a plugin's jar and waits for the kernel to uninstall it. */
    void remove(String what, Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new PluginException(what + ": cannot delete " + file + ": " + e.getMessage(), e);
        }
        if (!awaitGone(file)) {
            throw new PluginException(what + ": deleted " + file.getFileName() + " but the kernel has not uninstalled it after "
                    + startLimit.toSeconds() + " s (is Segue's plugin folder watcher running?)");
        }
    }

    /**
     * The kernel installs a settled jar and starts it in the same scan, so a bundle seen RESOLVED
     * (not ACTIVE) for this long has had its start attempt and failed; waiting the whole time limit
     * would only delay the rollback.
     */
    private static final long SETTLED_FAILURE_NANOS = 1_500_000_000L;

    /** Null once the bundle of {@code file} is ACTIVE, else why not. */
    private String awaitActive(Path file) {
        long deadline = System.nanoTime() + startLimit.toNanos();
        long resolvedSince = -1;
        long startingSince = -1;
        boolean hung = false;
        Optional<Installed.Entry> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = framework.get().byFile(file);
            if (last.isPresent()) {
                int state = last.get().state();
                if (state == Bundle.ACTIVE) {
                    return null;
                }
                if (state == Bundle.STARTING) {
                    startingSince = startingSince < 0 ? System.nanoTime() : startingSince;
                    hung |= System.nanoTime() - startingSince > SETTLED_FAILURE_NANOS;
                }
                if (state != Bundle.RESOLVED) {
                    resolvedSince = -1;
                } else if (resolvedSince < 0) {
                    resolvedSince = System.nanoTime();
                } else if (System.nanoTime() - resolvedSince > SETTLED_FAILURE_NANOS) {
                    break;
                }
            }
            sleep(100);
        }
        if (last.isEmpty()) {
            return "the kernel did not install " + file.getFileName() + " within " + startLimit.toSeconds()
                    + " s (not a valid bundle, or Segue's plugin folder watcher is not running; see `segue plugins`)";
        }
        return switch (last.get().state()) {
            case Bundle.STARTING -> "did not start within " + startLimit.toSeconds() + " s (its activator or a component hangs)";
            case Bundle.RESOLVED -> hung
                    ? "did not start in time: its activator or a component hangs (the kernel gave up on it)"
                    : "failed to start: its activator threw (`segue plugins` shows the cause)";
            case Bundle.INSTALLED -> "could not resolve its requirements (see `segue plugins`)";
            default -> "is in state " + last.get().state() + " instead of ACTIVE";
        };
    }

    private boolean awaitGone(Path file) {
        long deadline = System.nanoTime() + startLimit.toNanos();
        while (System.nanoTime() < deadline) {
            if (framework.get().byFile(file).isEmpty()) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    private void restore(Path target, Path temp, Path previous, Path aside) {
        try {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(target);
            if (previous != null && Files.exists(aside)) {
                move(aside, previous);
            }
        } catch (IOException e) {
            throw new PluginException("rolling back failed: " + e.getMessage() + "; check " + plugins + " by hand", e);
        }
    }

    private static void write(Path file, byte[] data) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("interrupted while waiting for the kernel");
        }
    }
}
