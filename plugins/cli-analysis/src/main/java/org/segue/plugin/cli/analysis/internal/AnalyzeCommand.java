package org.segue.plugin.cli.analysis.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

/**
 * {@code segue analyze [--json] [--refresh] [--jobs N] <files or folders>}: tempo, key, loudness and
 * every other result for each file, in parallel over the cores, cached by content.
 */
@Component
@SegueCommand(name = "analyze", summary = "Analyses audio files: tempo, beats, key, chords, loudness, energy")
public class AnalyzeCommand implements Command {

    static final String USAGE_TEXT = "usage: segue analyze [--json] [--refresh] [--jobs N] <files or folders>";

    @Reference
    AnalysisService analysis;

    @Override
    public int run(CommandContext ctx) throws Exception {
        boolean json = false;
        boolean useCache = true;
        int jobs = Runtime.getRuntime().availableProcessors();
        List<String> paths = new ArrayList<>();
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--refresh" -> useCache = false;
                case "--jobs", "-j" -> {
                    if (i + 1 == args.size() || !args.get(i + 1).matches("[1-9][0-9]*")) {
                        ctx.err().println("segue analyze: --jobs needs a positive number");
                        return USAGE;
                    }
                    jobs = Integer.parseInt(args.get(++i));
                }
                default -> {
                    if (a.startsWith("-")) {
                        ctx.err().println("segue analyze: unknown option " + a + "\n" + USAGE_TEXT);
                        return USAGE;
                    }
                    paths.add(a);
                }
            }
        }
        if (paths.isEmpty()) {
            ctx.err().println(USAGE_TEXT);
            return USAGE;
        }
        List<Path> files = AudioFiles.collect(paths, ctx.workingDirectory());
        if (files.isEmpty()) {
            ctx.err().println("segue analyze: no audio files in " + String.join(", ", paths));
            return FAILURE;
        }
        List<ParallelAnalysis.Outcome> outcomes = ParallelAnalysis.run(analysis, files, jobs, useCache, ctx, "Analysing");
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            outcomes.forEach(o -> array.add(ResultsJson.report(mapper, o)));
            ctx.out().println(mapper.writeValueAsString(array));
        } else {
            table(ctx.out(), outcomes, ctx.workingDirectory());
        }
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        for (ParallelAnalysis.Outcome o : outcomes) {
            if (!o.ok()) {
                ctx.err().println("error: " + o.error());
            } else {
                o.report().failures().forEach(f -> ctx.err().println(
                        "warning: " + o.file() + ": analyzer " + f.analyzerId() + " failed: " + f.reason()));
            }
        }
        if (failed > 0) {
            ctx.err().println(failed + " of " + outcomes.size() + " files could not be analysed");
        }
        return failed == 0 ? OK : FAILURE;
    }

    private static void table(PrintStream out, List<ParallelAnalysis.Outcome> outcomes, Path cwd) {
        out.printf("%-40s %7s  %-20s %7s %7s  %s%n", "FILE", "BPM", "KEY", "LUFS", "LENGTH", "NOTE");
        for (ParallelAnalysis.Outcome o : outcomes) {
            String name = shorten(cwd, o.file());
            if (!o.ok()) {
                out.printf("%-40s %7s  %-20s %7s %7s  %s%n", name, "-", "-", "-", "-", "failed");
                continue;
            }
            var r = o.report().results();
            String note = o.report().cached() ? "cached" : "";
            if (!o.report().failures().isEmpty()) {
                note = (note.isEmpty() ? "" : note + ", ") + o.report().failures().size() + " analyzer(s) failed";
            }
            out.printf("%-40s %7s  %-20s %7s %7s  %s%n", name, Summary.bpm(r), Summary.key(r),
                    Summary.loudness(r), Summary.duration(r), note);
        }
    }

    private static String shorten(Path cwd, Path file) {
        String s = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
        return s.length() <= 40 ? s : "…" + s.substring(s.length() - 39);
    }
}
