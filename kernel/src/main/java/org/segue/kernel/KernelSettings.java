package org.segue.kernel;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a Segue installation keeps its parts, and how the kernel behaves.
 *
 * @param home the installation folder ({@code segue-<version>/})
 * @param bundles system bundles, installed read-only at every start
 * @param plugins user plugins, watched for hot deploy
 * @param conf configuration files fed to Config Admin
 * @param verbose log at debug level instead of warnings only
 * @param pollInterval how often {@code plugins/} is scanned; a file must be unchanged for one
 *     interval before it is installed, so a jar still being copied is never read half-written
 * @param startTimeout how long a bundle may take to start before it is reported as hanging and
 *     the kernel goes on without it
 */
public record KernelSettings(Path home, Path bundles, Path plugins, Path conf, boolean verbose,
        Duration pollInterval, Duration startTimeout) {

    /** The standard layout under {@code home}. */
    public static KernelSettings forHome(Path home, boolean verbose) {
        Path h = home.toAbsolutePath().normalize();
        return new KernelSettings(h, h.resolve("bundles"), h.resolve("plugins"), h.resolve("conf"),
                verbose, Duration.ofMillis(400), Duration.ofSeconds(15));
    }

}
