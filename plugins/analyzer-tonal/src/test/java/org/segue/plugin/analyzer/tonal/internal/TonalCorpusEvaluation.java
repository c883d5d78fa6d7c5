package org.segue.plugin.analyzer.tonal.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.ChordEvent;
import org.segue.api.analysis.ChordQuality;
import org.segue.api.analysis.KeySegment;
import org.segue.api.analysis.StandardResults;
import org.segue.api.audio.AudioFormat;
import org.segue.api.testkit.AudioFiles;
import org.segue.api.testkit.BlockBuffer;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;

/**
 * Development harness, not a unit test: runs the analyzer over an evaluation corpus (a folder of
 * WAV files, as made by {@code make_corpus.py}), writes {@code NAME.key} and {@code NAME.chords}
 * for {@code score.py}, and prints the speed. Runs only when asked:
 *
 * <pre>
 * ../../mvnw -o -q -B test -Dtest=TonalCorpusEvaluation -Dsegue.eval.corpus=/tmp/eval-corpus \
 *     [-Dsegue.eval.out=target/tonal-eval]
 * python3 /work/shared/eval/score.py --truth /tmp/eval-corpus --pred target/tonal-eval
 * </pre>
 *
 * Speed is audio seconds over the analyzer's CPU seconds on this thread, measured on a second
 * pass after a first one has warmed the JIT; file reading is not counted.
 */
@EnabledIfSystemProperty(named = "segue.eval.corpus", matches = ".+")
class TonalCorpusEvaluation {

    private static final int BLOCK = 4096;

    @Test
    void analyseCorpus() throws IOException {
        Path corpus = Path.of(System.getProperty("segue.eval.corpus"));
        Path out = Path.of(System.getProperty("segue.eval.out", "target/tonal-eval"));
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        List<Signal> signals = new ArrayList<>();
        for (Path file : files) {
            signals.add(AudioFiles.read(file));
        }
        TonalAnalyzer analyzer = new TonalAnalyzer(TonalSettings.DEFAULTS);
        for (Signal s : signals) {
            run(analyzer, s); // JIT warm-up
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double audioSeconds = 0;
        long cpu = 0;
        for (int i = 0; i < files.size(); i++) {
            Signal s = signals.get(i);
            long before = bean.getCurrentThreadCpuTime();
            ResultMap results = run(analyzer, s);
            cpu += bean.getCurrentThreadCpuTime() - before;
            audioSeconds += s.seconds();
            write(out, files.get(i), results);
        }
        System.out.printf(Locale.ROOT, "tonal: %.0f s of audio in %.3f s CPU: %.0fx real time, %.3f ms per audio second%n",
                audioSeconds, cpu / 1e9, audioSeconds / (cpu / 1e9), cpu / 1e6 / audioSeconds);
    }

    private static ResultMap run(TonalAnalyzer analyzer, Signal s) {
        float[][] audio = s.audio();
        int frames = audio[0].length;
        ResultMap results = new ResultMap("eval", s.seconds());
        BlockBuffer block = new BlockBuffer(audio.length, BLOCK, s.sampleRate());
        try (AnalysisTask task = analyzer.begin(new AudioFormat(s.sampleRate(), audio.length), frames)) {
            for (int offset = 0; offset < frames; offset += BLOCK) {
                task.accept(block.fill(audio, offset, Math.min(BLOCK, frames - offset)));
            }
            task.finish(results);
        }
        return results;
    }

    private static void write(Path out, Path wav, ResultMap results) throws IOException {
        String name = wav.getFileName().toString().replaceFirst("\\.wav$", "");
        results.get(StandardResults.KEY).ifPresent(k -> writeString(out.resolve(name + ".key"),
                k.key().tonic().sharpName() + " " + k.key().mode().name().toLowerCase(Locale.ROOT) + "\n"));
        StringBuilder chords = new StringBuilder();
        for (ChordEvent e : results.require(StandardResults.CHORDS).events()) {
            chords.append(String.format(Locale.ROOT, "%.3f\t%.3f\t%s%n", e.startSeconds(), e.endSeconds(),
                    e.chordIfAny().map(c -> c.root().sharpName() + ":" + majmin(c.quality())).orElse("N")));
        }
        writeString(out.resolve(name + ".chords"), chords.toString());
        StringBuilder keys = new StringBuilder();
        results.get(StandardResults.KEY_CHANGES).ifPresent(segments -> {
            for (KeySegment k : segments.segments()) {
                keys.append(String.format(Locale.ROOT, "%.2f\t%s%n", k.startSeconds(), k.key().displayName()));
            }
        });
        writeString(out.resolve(name + ".keysegments"), keys.toString());
    }

    /** The majmin reduction: a chord with a minor third is min, every other chord maj. */
    private static String majmin(ChordQuality quality) {
        return switch (quality) {
            case MINOR, MINOR_7, DIMINISHED, HALF_DIMINISHED_7 -> "min";
            default -> "maj";
        };
    }

    private static void writeString(Path path, String text) {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
