package org.segue.plugin.cli.mix.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixRequest;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;
import org.segue.api.mix.StretchProcessor;
import org.segue.api.mix.TimeStretcher;
import org.segue.support.bench.PeerTiming;

/**
 * {@code segue bench mix <folder> [--runs N] [--no-peer]}: render speed of a whole mix as x real time
 * per core (median of N renders after a warm-up), then the time-stretcher alone against
 * {@code rubberband} on the same files in the same run: speed and output-length error at +5% tempo.
 */
@Component
@SegueCommand(name = "bench mix", summary = "Measures mix rendering speed (x real time per core) and time-stretch against rubberband")
public class BenchMixCommand implements Command {

    static final double SPEED = 1.05;

    @Reference
    MixEngine engine;
    @Reference
    AudioOpener opener;
    @Reference
    TimeStretcher stretcher;

    @Override
    public int run(CommandContext ctx) throws Exception {
        int runs = 3;
        boolean peer = true;
        List<String> inputs = new ArrayList<>();
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                case "--no-peer" -> peer = false;
                default -> inputs.add(args.get(i));
            }
        }
        MixOptions o = new MixOptions();
        o.inputs.addAll(inputs);
        List<Path> files = o.files(ctx.workingDirectory());
        if (files.size() < 2) {
            ctx.err().println("usage: segue bench mix <folder of at least two tracks> [--runs N] [--no-peer]");
            return USAGE;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MixPlan plan = engine.plan(files, MixRequest.defaults());
        Path out = Files.createTempFile("segue-bench-mix", ".wav");
        try {
            double[] speeds = new double[runs];
            double duration = 0;
            for (int run = -1; run < runs && !ctx.cancelled(); run++) {
                long t0 = threads.getCurrentThreadCpuTime();
                MixResult r = engine.render(plan, RenderOptions.to(out), null);
                long cpu = threads.getCurrentThreadCpuTime() - t0;
                duration = r.durationSeconds();
                if (run >= 0) {
                    speeds[run] = duration / (cpu / 1e9);
                    ctx.err().printf(Locale.ROOT, "run %d: %.0fx real time per core%n", run + 1, speeds[run]);
                }
                for (Path p : List.of(r.cueSheet(), r.tracklist(), r.timeline())) {
                    Files.deleteIfExists(p);
                }
            }
            ctx.out().printf(Locale.ROOT, "mix render (%d tracks, %.0f s of mix): %.0fx real time per core (median of %d, goal 100x)%n",
                    files.size(), duration, PeerTiming.median(speeds), runs);
        } finally {
            Files.deleteIfExists(out);
        }
        double audio = 0;
        long cpu = 0;
        double lengthError = 0;
        for (Path f : files) {
            long t0 = threads.getCurrentThreadCpuTime();
            long[] inOut = stretch(f);
            cpu += threads.getCurrentThreadCpuTime() - t0;
            audio += inOut[0] / 44100.0;
            lengthError = Math.max(lengthError, Math.abs(inOut[1] * SPEED / inOut[0] - 1));
        }
        double ours = audio / (cpu / 1e9);
        ctx.out().printf(Locale.ROOT, "time-stretch x%.2f (this stretcher): %.0fx real time per core, output length error %.2f%%%n",
                SPEED, ours, lengthError * 100);
        if (peer) {
            double theirs = rubberband(files, audio, ctx);
            if (theirs > 0) {
                ctx.out().printf(Locale.ROOT, "time-stretch x%.2f (rubberband): %.0fx real time per core%n", SPEED, theirs);
                ctx.out().printf(Locale.ROOT, "ratio segue / rubberband: %.2f%n", ours / theirs);
            }
        }
        return OK;
    }

    /** Streams a file through a stretcher at {@link #SPEED}; returns input and output frames. */
    private long[] stretch(Path file) throws IOException {
        try (PcmSource source = opener.open(file)) {
            int channels = source.format().channels();
            int block = 4096;
            StretchProcessor p = stretcher.newProcessor();
            p.prepare(source.format().sampleRate(), channels, block * 2);
            p.set(SPEED, 0);
            float[][] in = new float[channels][block];
            float[][] outBuf = new float[channels][block * 2];
            long read = 0;
            long written = 0;
            for (int n; (n = source.read(in, 0, block)) >= 0; ) {
                p.put(in, 0, n);
                read += n;
                for (int got; (got = p.take(outBuf, 0, outBuf[0].length)) > 0; ) {
                    written += got;
                }
            }
            return new long[] {read * 44100L / source.format().sampleRate(), written * 44100L / source.format().sampleRate()};
        }
    }

    private static double rubberband(List<Path> files, double audioSeconds, CommandContext ctx)
            throws IOException, InterruptedException {
        if (!PeerTiming.installed("rubberband")) {
            ctx.err().println("rubberband is not installed (Debian: apt-get install rubberband-cli): no peer figure");
            return 0;
        }
        Path dir = Files.createTempDirectory("segue-bench-rubberband");
        Path out = dir.resolve("out.wav");
        try {
            OptionalDouble cpu = PeerTiming.cpuSeconds("rubberband -q -T " + SPEED + " \"$f\" '" + out + "'", files);
            return cpu.isEmpty() ? 0 : audioSeconds / cpu.getAsDouble();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }
}
