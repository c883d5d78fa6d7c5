package org.segue.itest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.segue.api.command.Command;
import org.segue.api.testkit.CapturedCommandContext;
import org.segue.kernel.Kernel;
import org.segue.kernel.KernelSettings;

/**
 * A real kernel booted in this JVM from the built distribution's {@code bundles/}, with its own
 * empty {@code plugins/} and {@code conf/} in a temporary home.
 */
final class KernelFixture implements AutoCloseable {

    static final Path DIST = Path.of(System.getProperty("segue.dist", "target/dist/segue"));

    final Path home;
    final Path plugins;
    final Path conf;
    final Kernel kernel;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    KernelFixture(Path home) throws Exception {
        this.home = home;
        this.plugins = Files.createDirectories(home.resolve("plugins"));
        this.conf = Files.createDirectories(home.resolve("conf"));
        KernelSettings settings = new KernelSettings(home, DIST.resolve("bundles"), plugins, conf, false,
                Duration.ofMillis(200), Duration.ofSeconds(2));
        this.kernel = Kernel.boot(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    BundleContext context() {
        return kernel.context();
    }

    /** What the kernel logged so far. */
    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** A command's service reference, or null. */
    ServiceReference<Command> command(String name) throws InvalidSyntaxException {
        Collection<ServiceReference<Command>> refs = context().getServiceReferences(Command.class,
                "(" + Command.NAME + "=" + name + ")");
        return refs.isEmpty() ? null : refs.iterator().next();
    }

    /**
     * Runs a command as the command line would and returns its standard output; fails on a
     * non-zero exit. Like the dispatcher, it waits up to two seconds for the command: while a
     * plugin is being updated its service is briefly gone.
     */
    String run(String name, String... args) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            ServiceReference<Command> ref = command(name);
            Command c = ref == null ? null : context().getService(ref);
            if (c == null) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no command " + name);
                }
                Thread.sleep(20);
                continue;
            }
            CapturedCommandContext ctx = new CapturedCommandContext(home, args);
            try {
                int code = c.run(ctx);
                if (code != Command.OK) {
                    throw new AssertionError(name + " exited " + code + ": " + ctx.errors());
                }
            } finally {
                context().ungetService(ref);
            }
            return ctx.printed();
        }
    }

    /** Polls until the condition holds; returns how long it took, or fails after the timeout. */
    static Duration await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
