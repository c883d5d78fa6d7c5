package org.segue.plugin.analyzer.timbre.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Structure;
import org.segue.api.audio.AudioFormat;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.AudioFiles;
import org.segue.api.testkit.BlockBuffer;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;

/**
 * Dev harness, not a unit test: runs over corpus files, prints structure and mood per file, the
 * corpus mean and spread of each raw embedding dimension (the source of
 * {@link TimbreEmbedding#CENTRE} and {@link TimbreEmbedding#SCALE}), nearest neighbours, and the
 * speed (audio seconds per CPU second after JIT warm-up, decoding excluded). Run with
 * {@code ../../mvnw -o -q -B test -Dtest=TimbreCorpusEvaluation -Dsegue.eval.corpus=/tmp/eval-corpus}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "segue.eval.corpus", matches = ".+")
class TimbreCorpusEvaluation {

    @Test
    void describeCorpusAndMeasureSpeed() throws Exception {
        Path corpus = Path.of(System.getProperty("segue.eval.corpus"));
        int limit = Integer.getInteger("segue.eval.files", 40);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            String match = System.getProperty("segue.eval.match", "");
            files = s.filter(p -> p.toString().endsWith(".wav") && p.getFileName().toString().contains(match))
                    .sorted().limit(limit).toList();
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Signal first = AudioFiles.read(files.get(0));
        for (int i = 0; i < 5; i++) {
            AnalyzerHarness.run(new TimbreAnalyzer(), first.sampleRate(), first.audio(), 4096);
        }
        double audioSeconds = 0;
        double cpuSeconds = 0;
        List<double[]> raws = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        for (Path file : files) {
            Signal s = AudioFiles.read(file);
            long start = cpu.getCurrentThreadCpuTime();
            ResultMap r = AnalyzerHarness.run(new TimbreAnalyzer(), s.sampleRate(), s.audio(), 4096);
            cpuSeconds += (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            audioSeconds += s.seconds();
            raws.add(raw(s));
            embeddings.add(r.require(StandardResults.EMBEDDING));
            Mood mood = r.require(StandardResults.MOOD);
            Structure st = r.require(StandardResults.STRUCTURE);
            double energy = 0;
            for (float v : r.require(StandardResults.ENERGY).values()) {
                energy += v / r.require(StandardResults.ENERGY).size();
            }
            System.out.printf("%-28s %5.1fs E%.2f V%+.2f A%+.2f  %s%n", file.getFileName(), s.seconds(), energy,
                    mood.valence(), mood.arousal(), st.segments().stream()
                            .map(g -> String.format("%s@%.1f(%.2f)", g.label(), g.startSeconds(), g.energy()))
                            .collect(Collectors.joining(" ")));
        }
        int dims = TimbreEmbedding.DIMENSIONS;
        StringBuilder centre = new StringBuilder();
        StringBuilder scale = new StringBuilder();
        for (int d = 0; d < dims; d++) {
            double sum = 0;
            double squares = 0;
            for (double[] v : raws) {
                sum += v[d];
                squares += v[d] * v[d];
            }
            double mean = sum / raws.size();
            double std = Math.sqrt(Math.max(0, squares / raws.size() - mean * mean));
            centre.append(String.format("%.4g, ", mean));
            scale.append(String.format("%.4g, ", std));
        }
        System.out.println("CENTRE " + centre);
        System.out.println("SCALE  " + scale);
        for (int i = 0; i < files.size(); i++) {
            int best = -1;
            double bestCos = -2;
            for (int j = 0; j < files.size(); j++) {
                double c = 1 - TimbreAnalyzerTest.cosineDistance(embeddings.get(i), embeddings.get(j));
                if (j != i && c > bestCos) {
                    bestCos = c;
                    best = j;
                }
            }
            System.out.printf("nearest %-28s -> %-28s cos %.3f%n", files.get(i).getFileName(),
                    files.get(best).getFileName(), bestCos);
        }
        System.out.printf("speed: %.0f s of audio in %.3f CPU s = %.0fx real time (%.3f ms CPU per audio second)%n",
                audioSeconds, cpuSeconds, audioSeconds / cpuSeconds, 1000 * cpuSeconds / audioSeconds);
    }

    /** The raw embedding dimensions, by driving a task directly. */
    private static double[] raw(Signal s) {
        int frames = s.audio()[0].length;
        BlockBuffer block = new BlockBuffer(s.audio().length, 4096, s.sampleRate());
        try (TimbreTask task = new TimbreTask(new AudioFormat(s.sampleRate(), s.audio().length), frames)) {
            for (int at = 0; at < frames; at += 4096) {
                task.accept(block.fill(s.audio(), at, Math.min(4096, frames - at)));
            }
            task.finish(new ResultMap("raw", s.seconds()));
            return task.embeddingDimensions();
        }
    }
}
