package org.segue.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.segue.api.command.Command;

/**
 * {@code segue [--verbose] [--home <dir>] <command> [arguments]}: boots the kernel, runs one
 * command contributed by a bundle, stops the kernel and exits with the command's code.
 *
 * <p>Ctrl-C or SIGTERM mark the command cancelled; the kernel then stops every bundle cleanly
 * before the process ends.
 */
public final class Main {

    /** Printed on standard output by {@code --ready-and-exit}, read by {@code segue bench startup}. */
    static final String READY_MARK = "segue-ready";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        System.exit(code);
    }

    /** Parses the global options, boots, dispatches; returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        boolean verbose = false;
        boolean readyAndExit = false;
        Path home = defaultHome();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!rest.isEmpty()) {
                rest.add(a);
            } else if (a.equals("-v") || a.equals("--verbose")) {
                verbose = true;
            } else if (a.equals("--home")) {
                if (i + 1 == args.length) {
                    err.println("segue: --home needs a folder");
                    return Command.USAGE;
                }
                home = Path.of(args[++i]);
            } else if (a.equals("--version")) {
                out.println("segue " + version());
                return Command.OK;
            } else if (a.equals("-h") || a.equals("--help")) {
                rest.add("help");
            } else if (a.equals("--ready-and-exit")) {
                readyAndExit = true;
            } else if (a.startsWith("-")) {
                err.println("segue: unknown option " + a + "; 'segue help' lists the commands");
                return Command.USAGE;
            } else {
                rest.add(a);
            }
        }

        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Kernel kernel;
        try {
            kernel = Kernel.boot(KernelSettings.forHome(home, verbose), err);
        } catch (Exception e) {
            err.println("segue: the kernel could not start: " + LoadProblems.describe(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            return Command.FAILURE;
        }
        Thread hook = new Thread(() -> {
            // Ctrl-C/SIGTERM: let the command see it and return, then stop the bundles cleanly.
            cancelled.set(true);
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // stop anyway
            }
            kernel.close();
        }, "segue-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (readyAndExit) {
                out.println(READY_MARK + " " + kernel.bootMillis());
                out.flush();
                return Command.OK;
            }
            CommandDispatcher dispatcher = new CommandDispatcher(kernel.context(), kernel.log());
            boolean interactive = System.console() != null;
            Path cwd = Path.of("").toAbsolutePath();
            boolean v = verbose;
            return dispatcher.dispatch(rest, a -> new TerminalContext(a, out, err, in, cwd, v,
                    cancelled::get, interactive));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Command.FAILURE;
        } finally {
            finished.countDown();
            if (!cancelled.get()) {
                kernel.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is already running and closes the kernel (close is idempotent)
                }
            }
        }
    }

    static Path defaultHome() {
        String home = System.getProperty("segue.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("SEGUE_HOME");
        }
        return Path.of(home == null || home.isBlank() ? "." : home);
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
