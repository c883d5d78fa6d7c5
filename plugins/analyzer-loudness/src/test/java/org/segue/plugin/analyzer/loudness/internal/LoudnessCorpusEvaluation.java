package org.segue.plugin.analyzer.loudness.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.StandardResults;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.AudioFiles;
import org.segue.api.testkit.Signal;

/**
 * Dev harness, not a unit test: compares with ffmpeg on corpus files and measures speed (audio
 * seconds per CPU second after JIT warm-up, decoding excluded). Run with
 * {@code ../../mvnw -o -q -B test -Dtest=LoudnessCorpusEvaluation -Dsegue.eval.corpus=/tmp/eval-corpus
 * [-Dsegue.eval.files=10]}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "segue.eval.corpus", matches = ".+")
class LoudnessCorpusEvaluation {

    @Test
    void compareWithFfmpegAndMeasureSpeed() throws Exception {
        Path corpus = Path.of(System.getProperty("segue.eval.corpus"));
        int limit = Integer.getInteger("segue.eval.files", 8);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().limit(limit).toList();
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        // Warm-up so the timed runs measure compiled code.
        Signal first = AudioFiles.read(files.get(0));
        for (int i = 0; i < 5; i++) {
            AnalyzerHarness.run(new LoudnessAnalyzer(), first.sampleRate(), first.audio(), 4096);
        }
        double audioSeconds = 0;
        double cpuSeconds = 0;
        double worstI = 0;
        double worstLra = 0;
        double worstTp = 0;
        System.out.printf("%-32s %8s %8s %6s %6s %6s %6s %7s %7s%n", "file", "I", "ffI", "LRA", "ffLRA", "TP", "ffTP",
                "dI", "dTP");
        for (Path file : files) {
            Signal s = AudioFiles.read(file);
            long start = cpu.getCurrentThreadCpuTime();
            Loudness l = AnalyzerHarness.run(new LoudnessAnalyzer(), s.sampleRate(), s.audio(), 4096)
                    .require(StandardResults.LOUDNESS);
            cpuSeconds += (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            audioSeconds += s.seconds();
            FfmpegEbur128.Summary ff = FfmpegEbur128.measure(file);
            double dI = l.integratedLufs() - ff.integratedLufs();
            double dLra = l.rangeLu() - ff.rangeLu();
            double dTp = l.truePeakDbtp() - ff.truePeakDbtp();
            worstI = Math.max(worstI, Math.abs(dI));
            worstLra = Math.max(worstLra, Math.abs(dLra));
            worstTp = Math.max(worstTp, Math.abs(dTp));
            System.out.printf("%-32s %8.2f %8.1f %6.2f %6.1f %6.2f %6.1f %+7.2f %+7.2f  dLRA %+5.2f%n",
                    file.getFileName(), l.integratedLufs(), ff.integratedLufs(), l.rangeLu(), ff.rangeLu(),
                    l.truePeakDbtp(), ff.truePeakDbtp(), dI, dTp, dLra);
        }
        System.out.printf("worst |dI| %.2f LU, |dLRA| %.2f LU, |dTP| %.2f dB (ffmpeg prints 0.1 steps)%n",
                worstI, worstLra, worstTp);
        System.out.printf("speed: %.0f s of audio in %.3f CPU s = %.0fx real time (%.3f ms CPU per audio second)%n",
                audioSeconds, cpuSeconds, audioSeconds / cpuSeconds, 1000 * cpuSeconds / audioSeconds);
    }
}
