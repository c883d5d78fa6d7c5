package org.segue.plugin.analyzer.rhythm.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TempoSegment;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.AudioFiles;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;

/**
 * Development harness, not a CI test: analyses every WAV in the folder named by the system
 * property {@code segue.eval.corpus} and writes {@code NAME.bpm}, {@code NAME.beats} and
 * {@code NAME.tempo} into {@code segue.eval.out} (default {@code target/eval-pred}) for
 * {@code shared/eval/score.py}. It also prints the speed: seconds of audio per CPU second of
 * analysis on this thread, measured after a warm-up pass (decoding is not counted).
 *
 * <p>{@code ../../mvnw -o -q -B test -Dtest=CorpusEvaluationTest -Dsegue.eval.corpus=/tmp/eval-corpus}
 */
@EnabledIfSystemProperty(named = "segue.eval.corpus", matches = ".+")
class CorpusEvaluationTest {

    @Test
    void analyseCorpus() throws IOException {
        Path corpus = Path.of(System.getProperty("segue.eval.corpus"));
        Path out = Path.of(System.getProperty("segue.eval.out", "target/eval-pred"));
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        RhythmAnalyzer analyzer = new RhythmAnalyzer(RhythmSettings.DEFAULTS);
        // Warm-up: let the JIT compile the hot loops before anything is timed.
        for (int i = 0; i < Math.min(4, files.size()); i++) {
            Signal s = AudioFiles.read(files.get(i));
            for (int k = 0; k < 3; k++) {
                AnalyzerHarness.run(analyzer, s.sampleRate(), s.audio(), 4096);
            }
        }
        double audioSeconds = 0;
        long cpuNanos = 0;
        for (Path file : files) {
            Signal s = AudioFiles.read(file);
            long t0 = cpu.getCurrentThreadCpuTime();
            ResultMap r = AnalyzerHarness.run(analyzer, s.sampleRate(), s.audio(), 4096);
            cpuNanos += cpu.getCurrentThreadCpuTime() - t0;
            audioSeconds += s.seconds();
            String name = file.getFileName().toString().replaceFirst("\\.wav$", "");
            write(out, name, r);
            if (Boolean.getBoolean("segue.eval.dump")) {
                dump(out, name, s);
            }
        }
        System.out.printf(Locale.ROOT, "rhythm analyzer: %.0f s of audio in %.3f s CPU: %.0fx real time%n",
                audioSeconds, cpuNanos / 1e9, audioSeconds / (cpuNanos / 1e9));
    }

    /** Writes the onset envelopes as little-endian float32 for offline inspection. */
    private static void dump(Path out, String name, Signal s) throws IOException {
        RhythmTask task = new RhythmTask(new org.segue.api.audio.AudioFormat(s.sampleRate(), s.audio().length),
                s.audio()[0].length, RhythmSettings.DEFAULTS);
        org.segue.api.testkit.BlockBuffer block = new org.segue.api.testkit.BlockBuffer(s.audio().length, 4096, s.sampleRate());
        for (int offset = 0; offset < s.audio()[0].length; offset += 4096) {
            task.accept(block.fill(s.audio(), offset, Math.min(4096, s.audio()[0].length - offset)));
        }
        OnsetFeatures f = task.features();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * f.frames() + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putDouble(f.fps).putDouble(f.startSeconds);
        for (int i = 0; i < f.frames(); i++) {
            b.putFloat(f.onset.get(i));
        }
        for (int i = 0; i < f.frames(); i++) {
            b.putFloat(f.lowOnset.get(i));
        }
        Files.write(out.resolve(name + ".env"), b.array());
        int window = (int) Math.min(f.frames(), Math.round(8 * f.fps));
        Tempogram tg = new Tempogram(window, (int) Math.round(f.fps), window / 2);
        float[] acf = TempoEstimator.averageAcf(tg, f.onset.array(), 0, f.frames());
        TempoEstimator est = new TempoEstimator(f.fps, 60, 200);
        float[] treble = TempoEstimator.averageAcf(tg, f.highOnset.array(), 0, f.frames());
        TempoEstimator.Estimate e = est.estimate(acf, treble);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name + ".sal")))) {
            for (double m : new double[] {0.5, 2.0 / 3, 1, 1.5, 2}) {
                double bpm = e.bpm() * m;
                double p = 60 * f.fps / bpm;
                int n = acf.length;
                w.printf(Locale.ROOT, "%6.1f sal=%.3f prior=%.2f r1=%.3f r2=%.3f r3=%.3f r4=%.3f rh=%.3f th=%.3f t1=%.3f t2=%.3f t4=%.3f%n", bpm,
                        est.salience(acf, p), TempoEstimator.prior(bpm), Tempogram.peakNear(acf, n, p, 1),
                        Tempogram.peakNear(acf, n, 2 * p, 2), Tempogram.peakNear(acf, n, 3 * p, 3),
                        Tempogram.peakNear(acf, n, 4 * p, 4), Tempogram.peakNear(acf, n, p / 2, 1),
                        Tempogram.peakNear(treble, n, p / 2, 1), Tempogram.peakNear(treble, n, p, 1),
                        Tempogram.peakNear(treble, n, 2 * p, 2), Tempogram.peakNear(treble, n, 4 * p, 4));
            }
        }
    }

    private static void write(Path out, String name, ResultMap r) throws IOException {
        Tempo tempo = r.get(StandardResults.TEMPO).orElse(null);
        BeatGrid grid = r.get(StandardResults.BEAT_GRID).orElse(null);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name + ".bpm")))) {
            w.printf(Locale.ROOT, "%.2f%n", tempo == null ? 0 : tempo.bpm());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name + ".beats")))) {
            if (grid != null) {
                for (int i = 0; i < grid.beatCount(); i++) {
                    int inBar = Math.floorMod(i - grid.firstDownbeat(), grid.beatsPerBar()) + 1;
                    w.printf(Locale.ROOT, "%.4f\t%d%n", grid.beat(i), inBar);
                }
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name + ".tempo")))) {
            if (grid != null) {
                List<TempoSegment> segments = grid.segments();
                for (int i = 0; i < segments.size(); i++) {
                    double end = i + 1 < segments.size() ? segments.get(i + 1).startSeconds() : r.durationSeconds() + 10;
                    w.printf(Locale.ROOT, "%.4f\t%.4f\t%.3f%n", segments.get(i).startSeconds(), end, segments.get(i).bpm());
                }
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name + ".info")))) {
            w.printf(Locale.ROOT, "bpm=%.2f conf=%.2f meter=%d first=%d segments=%d%n",
                    tempo == null ? 0 : tempo.bpm(), tempo == null ? 0 : tempo.confidence(),
                    grid == null ? 0 : grid.beatsPerBar(), grid == null ? 0 : grid.firstDownbeat(),
                    grid == null ? 0 : grid.segments().size());
        }
    }
}
