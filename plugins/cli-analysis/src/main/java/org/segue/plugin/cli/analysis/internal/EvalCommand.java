package org.segue.plugin.cli.analysis.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

/**
 * {@code segue eval <corpus> [--pred DIR] [--json] [--check] [--refresh] [--jobs N]}: analyses every
 * piece of a corpus with truth (shared/eval format), writes the predictions, scores them as the
 * reference scorer does and prints the scores beside Segue's targets. {@code --check} exits 1 when
 * a target is missed, for CI.
 */
@Component
@SegueCommand(name = "eval", summary = "Scores the analyzers on a corpus with truth (tempo, beats, key, chords)")
public class EvalCommand implements Command {

    /** The targets of the analysis issue; a metric without a target is reported only. */
    static final Map<String, Double> TARGETS = Map.of("acc1", 0.90, "acc2", 0.97, "beat_f", 0.90, "key", 0.85);

    @Reference
    AnalysisService analysis;

    @Override
    public int run(CommandContext ctx) throws Exception {
        Path corpus = null;
        Path pred = null;
        boolean json = false;
        boolean check = false;
        boolean useCache = true;
        int jobs = Runtime.getRuntime().availableProcessors();
        List<String> args = ctx.arguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--check" -> check = true;
                case "--refresh" -> useCache = false;
                case "--pred" -> pred = i + 1 < args.size() ? ctx.workingDirectory().resolve(args.get(++i)) : null;
                case "--jobs" -> jobs = i + 1 < args.size() ? Integer.parseInt(args.get(++i)) : jobs;
                default -> {
                    if (a.startsWith("-") || corpus != null) {
                        ctx.err().println("usage: segue eval <corpus> [--pred DIR] [--json] [--check] [--refresh] [--jobs N]");
                        return USAGE;
                    }
                    corpus = ctx.workingDirectory().resolve(a);
                }
            }
        }
        if (corpus == null || !Files.isRegularFile(corpus.resolve("truth.csv"))) {
            ctx.err().println("segue eval: " + (corpus == null ? "no corpus given" : corpus.resolve("truth.csv") + " not found")
                    + "; make one with python3 shared/eval/make_corpus.py --out DIR");
            return USAGE;
        }
        if (pred == null) {
            pred = Files.createTempDirectory("segue-eval-");
        }
        List<Path> files = new ArrayList<>();
        for (Map<String, String> row : Csv.read(corpus.resolve("truth.csv"))) {
            files.add(audioOf(corpus, row.get("file")));
        }
        List<ParallelAnalysis.Outcome> outcomes = ParallelAnalysis.run(analysis, files, jobs, useCache, ctx, "Evaluating");
        int failed = 0;
        for (ParallelAnalysis.Outcome o : outcomes) {
            if (o.ok()) {
                String file = o.file().getFileName().toString();
                PredictionWriter.write(pred, file.substring(0, file.lastIndexOf('.')), o.report().results());
            } else {
                failed++;
                ctx.err().println("error: " + o.error());
            }
        }
        List<EvalScorer.Piece> pieces = EvalScorer.score(corpus, pred);
        Map<String, Double> summary = EvalScorer.summarise(pieces);
        if (json) {
            printJson(ctx.out(), pieces, summary, pred);
        } else {
            printTable(ctx.out(), pieces, summary, pred);
        }
        boolean missed = TARGETS.entrySet().stream()
                .anyMatch(t -> summary.getOrDefault(t.getKey(), 0.0) < t.getValue());
        return check && (missed || failed > 0) ? FAILURE : OK;
    }

    private static Path audioOf(Path corpus, String name) throws IOException {
        for (String ext : new String[] {"wav", "flac", "aiff", "mp3", "ogg"}) {
            Path p = corpus.resolve(name + "." + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException(corpus.resolve(name) + ": no audio file for this piece of truth.csv");
    }

    private static void printTable(PrintStream out, List<EvalScorer.Piece> pieces, Map<String, Double> summary, Path pred) {
        for (EvalScorer.Piece p : pieces) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-28s", p.file()));
            p.metrics().forEach((k, v) -> s.append(String.format(Locale.ROOT, "  %s=%.2f", k, v)));
            out.println(s);
        }
        out.println();
        out.printf("%-14s %7s %7s%n", "metric", "score", "target");
        summary.forEach((k, v) -> {
            Double target = TARGETS.get(k);
            out.printf(Locale.ROOT, "%-14s %7.4f %7s  %s%n", k, v, target == null ? "-" : String.format(Locale.ROOT, "%.2f", target),
                    target == null ? "" : v >= target ? "met" : "MISSED");
        });
        out.println("predictions in " + pred);
    }

    private static void printJson(PrintStream out, List<EvalScorer.Piece> pieces, Map<String, Double> summary, Path pred)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        var array = root.putArray("pieces");
        for (EvalScorer.Piece p : pieces) {
            ObjectNode n = array.addObject().put("file", p.file()).put("style", p.style()).put("kind", p.kind());
            p.metrics().forEach(n::put);
        }
        Map<String, Object> s = new LinkedHashMap<>(summary);
        root.set("summary", mapper.valueToTree(s));
        root.set("targets", mapper.valueToTree(TARGETS));
        root.put("predictions", pred.toString());
        out.println(mapper.writeValueAsString(root));
    }
}
