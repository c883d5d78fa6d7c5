package org.segue.plugin.cli.mix.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.audio.AudioOpener;
import org.segue.api.mix.EnergyArc;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixRequest;
import org.segue.api.mix.SetRequest;

/** The options {@code segue mix} and {@code segue preview} share, parsed with errors that name the option. */
final class MixOptions {

    static final Set<String> AUDIO = Set.of("wav", "wave", "aif", "aiff", "flac", "mp3", "ogg", "oga", "opus", "m4a", "aac");

    final List<String> inputs = new ArrayList<>();
    Path output;
    String style;
    EnergyArc arc = EnergyArc.WARM_UP_PEAK_COOL_DOWN;
    double minutes;
    double pitch;
    long seed = 1;
    double lufs = -14;
    int transition = -1;
    boolean json;
    /** A plan to render instead of planning anew ({@code --plan}). */
    Path plan;
    /** Where to save the plan ({@code --save-plan}). */
    Path savePlan;
    /** Whose mix it is, for badges and challenges ({@code --user}); the command line's one user by default. */
    String user = "default";

    /** Parses; throws {@link IllegalArgumentException} with a message for the user. */
    static MixOptions parse(List<String> args) {
        MixOptions o = new MixOptions();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-o", "--output" -> o.output = Path.of(value(args, ++i, a));
                case "--style" -> o.style = value(args, ++i, a);
                case "--arc" -> o.arc = arc(value(args, ++i, a));
                case "--minutes" -> o.minutes = number(args, ++i, a, 0, 24 * 60);
                case "--pitch" -> o.pitch = number(args, ++i, a, 0, 6);
                case "--seed" -> o.seed = (long) number(args, ++i, a, 0, Long.MAX_VALUE);
                case "--lufs" -> o.lufs = number(args, ++i, a, -40, 0);
                case "--transition" -> o.transition = (int) number(args, ++i, a, 1, 10_000) - 1;
                case "--json" -> o.json = true;
                case "--plan" -> o.plan = Path.of(value(args, ++i, a));
                case "--save-plan" -> o.savePlan = Path.of(value(args, ++i, a));
                case "--user" -> o.user = value(args, ++i, a);
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    o.inputs.add(a);
                }
            }
        }
        return o;
    }

    /**
     * The plan these options ask for: the one in {@code --plan}, or a new one of the input files.
     *
     * @throws IOException when a file cannot be read, naming it
     * @throws IllegalArgumentException when fewer than two tracks are given
     */
    MixPlan plan(Path cwd, MixEngine engine, AnalysisService analysis, AudioOpener opener) throws IOException {
        if (plan != null) {
            return PlanFiles.load(cwd.resolve(plan), analysis, opener);
        }
        List<Path> files = files(cwd);
        if (files.size() < 2) {
            throw new IllegalArgumentException("a mix needs at least two tracks; found " + files.size());
        }
        return engine.plan(files, request());
    }

    MixRequest request() {
        return new MixRequest(new SetRequest(arc, pitch, null, seed), style, minutes);
    }

    /** The audio files named (files as given, folders searched), sorted for a stable order. */
    List<Path> files(Path cwd) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String in : inputs) {
            Path p = cwd.resolve(in).normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(MixOptions::isAudio).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static boolean isAudio(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && !n.startsWith(".") && AUDIO.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static double number(List<String> args, int i, String option, double min, double max) {
        String v = value(args, i, option);
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                throw new IllegalArgumentException(option + " must be within " + min + " and " + max + ": " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + v + "'");
        }
    }

    private static EnergyArc arc(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace('-', '_');
        for (EnergyArc a : EnergyArc.values()) {
            if (a.name().equals(n) || (n.equals("CLUB") && a == EnergyArc.WARM_UP_PEAK_COOL_DOWN)) {
                return a;
            }
        }
        throw new IllegalArgumentException("--arc must be one of club (warm-up-peak-cool-down), rising, falling, steady, wave: " + name);
    }
}
