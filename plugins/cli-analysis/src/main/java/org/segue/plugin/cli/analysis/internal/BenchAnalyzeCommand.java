package org.segue.plugin.cli.analysis.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.TrackReport;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.support.bench.PeerTiming;

/**
 * {@code segue bench analyze <corpus or files> [--runs N] [--no-peer] | --long HOURS}: the full analysis
 * (decoding and every analyzer, no cache) on one thread, as seconds of audio per CPU second (x real
 * time per core), median of N runs after a warm-up pass; then {@code aubio tempo} on the same files
 * in the same run, and the ratio. With {@code --long} it measures the memory bound on one long
 * synthetic file instead ({@link LongFileBench}).
 */
@Component
@SegueCommand(name = "bench analyze", summary = "Measures analysis speed (x real time per core) against aubio")
public class BenchAnalyzeCommand implements Command {

    @Reference
    AnalysisService analysis;

    @Override
    public int run(CommandContext ctx) throws Exception {
        int runs = 3;
        boolean peer = true;
        double longHours = 0;
        List<String> paths = new ArrayList<>();
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                case "--no-peer" -> peer = false;
                case "--long" -> longHours = Double.parseDouble(args.get(++i));
                default -> paths.add(args.get(i));
            }
        }
        if (longHours > 0) {
            return LongFileBench.run(analysis, longHours, ctx);
        }
        if (paths.isEmpty()) {
            ctx.err().println("usage: segue bench analyze <corpus or files> [--runs N] [--no-peer] | --long HOURS");
            return USAGE;
        }
        List<Path> files = AudioFiles.collect(paths, ctx.workingDirectory());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double audioSeconds = 0;
        try (var progress = ctx.progress("Warming up", files.size())) {
            for (Path f : files) {
                audioSeconds += analysis.analyze(f, false).results().durationSeconds();
                progress.advance(1);
            }
        }
        double[] speeds = new double[runs];
        for (int run = 0; run < runs && !ctx.cancelled(); run++) {
            long cpu = 0;
            for (Path f : files) {
                long t0 = threads.getCurrentThreadCpuTime();
                TrackReport report = analysis.analyze(f, false);
                cpu += threads.getCurrentThreadCpuTime() - t0;
                if (!report.failures().isEmpty()) {
                    ctx.err().println("warning: " + f + ": " + report.failures());
                }
            }
            speeds[run] = audioSeconds / (cpu / 1e9);
            ctx.err().printf(Locale.ROOT, "run %d: %.0fx real time per core%n", run + 1, speeds[run]);
        }
        double segue = PeerTiming.median(speeds);
        ctx.out().printf(Locale.ROOT, "segue full analysis (decode + all analyzers): %.0fx real time per core "
                + "(median of %d runs, %.0f s of audio in %d files, min %.0fx, max %.0fx)%n",
                segue, runs, audioSeconds, files.size(), Arrays.stream(speeds).min().orElse(0), Arrays.stream(speeds).max().orElse(0));
        if (peer) {
            double aubio = aubioSpeed(files, audioSeconds, ctx);
            if (aubio > 0) {
                ctx.out().printf(Locale.ROOT, "aubio tempo alone: %.0fx real time per core%n", aubio);
                ctx.out().printf(Locale.ROOT, "ratio segue / aubio: %.2f%n", segue / aubio);
            }
        }
        return OK;
    }

    /** aubio's speed for {@code aubio tempo} on every file, from its CPU time. */
    private static double aubioSpeed(List<Path> files, double audioSeconds, CommandContext ctx)
            throws IOException, InterruptedException {
        if (!PeerTiming.installed("aubio")) {
            ctx.err().println("aubio is not installed (Debian: apt-get install aubio-tools): no peer figure");
            return 0;
        }
        OptionalDouble cpu = PeerTiming.cpuSeconds("aubio tempo -i \"$f\"", files);
        if (cpu.isEmpty()) {
            ctx.err().println("could not read aubio's CPU time");
            return 0;
        }
        return audioSeconds / cpu.getAsDouble();
    }
}
