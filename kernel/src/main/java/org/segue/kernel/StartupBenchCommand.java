package org.segue.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;

/**
 * {@code segue bench startup [--runs N]}: starts the kernel N times, each in a new JVM, and prints
 * the median, minimum and maximum time to ready with all system bundles and plugins of this
 * installation. Two figures: wall time from spawning the JVM (what a user waits for) and the
 * kernel's own boot (JVM start-up excluded). The first run only warms the disk cache.
 */
final class StartupBenchCommand implements Command {

    static final double GOAL_SECONDS = 1.5;

    private final KernelSettings settings;

    StartupBenchCommand(KernelSettings settings) {
        this.settings = settings;
    }

    @Override
    public int run(CommandContext ctx) throws IOException, InterruptedException {
        int runs = 7;
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--runs") && i + 1 < args.size()) {
                runs = Integer.parseInt(args.get(++i));
            } else {
                ctx.err().println("usage: segue bench startup [--runs N]");
                return USAGE;
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--home", settings.home().toString(), "--ready-and-exit");
        double[] wall = new double[runs];
        double[] boot = new double[runs];
        for (int i = -1; i < runs && !ctx.cancelled(); i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long readyAt = -1;
            long bootMs = -1;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(Main.READY_MARK + " ")) {
                        readyAt = System.nanoTime();
                        bootMs = Long.parseLong(line.substring(Main.READY_MARK.length() + 1).trim());
                    }
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || readyAt < 0) {
                p.destroyForcibly();
                ctx.err().println("bench startup: the kernel did not report ready (exit " + p.exitValue() + ")");
                return FAILURE;
            }
            if (i >= 0) {
                wall[i] = (readyAt - t0) / 1e9;
                boot[i] = bootMs / 1e3;
                ctx.err().printf("run %d: %.3f s to ready (kernel boot %.3f s)%n", i + 1, wall[i], boot[i]);
            }
        }
        ctx.out().printf("startup to ready, %d cold JVM starts (median / min / max):%n", runs);
        ctx.out().printf("  process wall time  %.3f s / %.3f s / %.3f s%n", median(wall), min(wall), max(wall));
        ctx.out().printf("  kernel boot        %.3f s / %.3f s / %.3f s%n", median(boot), min(boot), max(boot));
        ctx.out().printf("  goal %.1f s: median wall time is %.2fx the goal (%s)%n", GOAL_SECONDS,
                median(wall) / GOAL_SECONDS, median(wall) <= GOAL_SECONDS ? "met" : "missed");
        return OK;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
