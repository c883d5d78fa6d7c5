package org.segue.plugin.stretch.wsola.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.segue.api.mix.StretchProcessor;
import org.segue.api.testkit.AudioFiles;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/**
 * Dev harness, not a unit test: compares this stretcher with the rubberband CLI (R2 "faster" and R3
 * "finer" engines) on speed and quality. Run with
 * {@code ../../mvnw -o -q -B test -Dtest=RubberbandComparisonTest -Dsegue.bench.rubberband=true}; needs
 * {@code /usr/bin/rubberband} (Debian rubberband-cli) and uses {@code /tmp/eval-corpus/*.wav} when present.
 *
 * <p>Speed is "x real time on one core": audio seconds over processing seconds. Ours is the thread's
 * CPU time for put/take; rubberband's is the wall time of the CLI pinned to one core with taskset,
 * which includes reading and writing the WAV files (a few ms for these lengths).
 */
@EnabledIfSystemProperty(named = "segue.bench.rubberband", matches = ".*")
class RubberbandComparisonTest {

    private static final int RATE = 44100;
    private static final int BLOCK = 512;
    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "segue-stretch-bench");
    private static final String[] ENGINES = {"ours", "rb-R2", "rb-R3"};

    record Run(float[][] audio, int frames, int offset, double seconds) {
    }

    @Test
    void compare() throws Exception {
        Files.createDirectories(WORK);
        sine();
        clicks();
        music();
    }

    private void sine() throws Exception {
        float[] tone = Signals.sine(RATE, 4, 440, 0.5).audio()[0];
        float[][] in = {tone, tone};
        for (double[] setting : new double[][] {{1.05, 0}, {0.95, 0}, {1, 2}, {1, -3}}) {
            double speed = setting[0];
            double pitch = setting[1];
            double target = 440 * Math.pow(2, pitch / 12);
            for (String engine : ENGINES) {
                Run r = run(engine, in, speed, pitch);
                int from = r.offset() + RATE;
                int to = r.offset() + (int) (3 * RATE / speed);
                double f = Measure.frequency(r.audio()[0], from, to, RATE);
                double thdn = Quality.thdPlusNoiseDb(r.audio()[0], from, to, f, RATE);
                System.out.printf("BENCH sine speed %.2f pitch %+.0f %-6s freq error %+.4f%%  THD+N %.1f dB%n",
                        speed, pitch, engine, 100 * (f / target - 1), thdn);
            }
        }
    }

    private void clicks() throws Exception {
        Signal clicks = Signals.clicks(RATE, 12, 120, 4, 0.5);
        float[][] in = clicks.stereo().audio();
        double speed = 126.0 / 120;
        List<Integer> inOnsets = Measure.onsets(in[0], in[0].length, 0.05f, RATE / 10);
        for (String engine : ENGINES) {
            Run r = run(engine, in, speed, 0);
            List<Integer> out = Measure.onsets(r.audio()[0], r.frames(), 0.05f, RATE / 10);
            double sum = 0;
            double worst = 0;
            double share = 1;
            int n = Math.min(out.size(), inOnsets.size());
            for (int i = 0; i < n; i++) {
                double e = (out.get(i) - r.offset() - inOnsets.get(i) / speed) / RATE * 1000;
                sum += Math.abs(e);
                worst = Math.max(worst, Math.abs(e));
                share = Math.min(share, Measure.energyShare(r.audio()[0], out.get(i), RATE / 50, RATE / 10, RATE / 100));
            }
            System.out.printf("BENCH clicks 120->126 %-6s clicks %d/%d  onset error mean %.2f ms max %.2f ms  "
                    + "worst energy within 10 ms %.1f%%%n", engine, out.size(), inOnsets.size(), sum / n, worst, 100 * share);
        }
    }

    private void music() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String name : new String[] {"001-house-plain", "002-techno-plain", "003-dnb-plain", "005-pop-plain",
            "008-ballad-plain"}) {
            Path p = Path.of("/tmp/eval-corpus", name + ".wav");
            if (Files.exists(p)) {
                files.add(p);
            }
        }
        double seconds = 20;
        for (double[] setting : new double[][] {{1.05, 0}, {0.95, 0}, {1, 2}}) {
            double speed = setting[0];
            double pitch = setting[1];
            double[] time = new double[ENGINES.length];
            double audio = 0;
            for (Path file : files) {
                float[][] full = AudioFiles.read(file).audio();
                float[][] in = new float[2][];
                for (int c = 0; c < 2; c++) {
                    in[c] = java.util.Arrays.copyOf(full[Math.min(c, full.length - 1)], (int) (seconds * RATE));
                }
                audio += seconds;
                StringBuilder line = new StringBuilder(String.format("BENCH music %-18s speed %.2f pitch %+.0f",
                        file.getFileName().toString().replace(".wav", ""), speed, pitch));
                for (int e = 0; e < ENGINES.length; e++) {
                    Run r = run(ENGINES[e], in, speed, pitch);
                    time[e] += r.seconds();
                    if (pitch == 0) {
                        double d = Quality.envelopeDistance(mono(in, in[0].length), mono(r.audio(), r.frames()),
                                r.frames(), r.offset(), speed, RATE);
                        line.append(String.format("  %s %.2f dB", ENGINES[e], d));
                    }
                }
                if (pitch == 0) {
                    float[] vari = varispeed(mono(in, in[0].length), speed);
                    line.append(String.format("  varispeed %.2f dB",
                            Quality.envelopeDistance(mono(in, in[0].length), vari, vari.length, 0, speed, RATE)));
                }
                System.out.println(line);
            }
            for (int e = 0; e < ENGINES.length; e++) {
                System.out.printf("BENCH speed %.2f pitch %+.0f %-6s %.0fx real time (one core, 44.1 kHz stereo)%n",
                        speed, pitch, ENGINES[e], audio / time[e]);
            }
        }
    }

    private static float[] mono(float[][] x, int frames) {
        float[] m = new float[frames];
        for (float[] c : x) {
            for (int i = 0; i < frames; i++) {
                m[i] += c[i] / x.length;
            }
        }
        return m;
    }

    /** Plain resampling (tempo and pitch change together): the scale for the envelope distance. */
    private static float[] varispeed(float[] x, double speed) {
        float[] y = new float[(int) ((x.length - 1) / speed)];
        for (int i = 0; i < y.length; i++) {
            double p = i * speed;
            int k = (int) p;
            double f = p - k;
            y[i] = (float) (x[k] * (1 - f) + x[Math.min(x.length - 1, k + 1)] * f);
        }
        return y;
    }

    private Run run(String engine, float[][] in, double speed, double pitch) throws Exception {
        return switch (engine) {
            case "ours" -> ours(in, speed, pitch);
            case "rb-R2" -> rubberband(in, speed, pitch, "-2");
            default -> rubberband(in, speed, pitch, "-3");
        };
    }

    private static Run ours(float[][] in, double speed, double pitch) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StretchProcessor p = Driver.processor(RATE, in.length, BLOCK);
        Driver.render(p, in, speed, pitch, BLOCK); // warm-up
        p.reset();
        long t0 = threads.getCurrentThreadCpuTime();
        Driver.Result r = Driver.render(p, in, speed, pitch, BLOCK);
        double seconds = (threads.getCurrentThreadCpuTime() - t0) / 1e9;
        return new Run(r.audio(), r.frames(), p.latencyFrames(), seconds);
    }

    private static Run rubberband(float[][] in, double speed, double pitch, String engine) throws Exception {
        Path src = WORK.resolve("in.wav");
        Path dst = WORK.resolve("out.wav");
        write(src, in);
        List<String> cmd = new ArrayList<>(List.of("taskset", "-c", "0", "rubberband", "-q", engine));
        if (speed != 1) {
            cmd.addAll(List.of("-T", Double.toString(speed)));
        }
        if (pitch != 0) {
            cmd.addAll(List.of("-p", Double.toString(pitch)));
        }
        cmd.addAll(List.of(src.toString(), dst.toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException("rubberband failed: " + cmd);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        float[][] out = AudioFiles.read(dst).audio();
        return new Run(out, out[0].length, 0, seconds);
    }

    private static void write(Path file, float[][] x) throws IOException {
        int channels = x.length;
        int frames = x[0].length;
        byte[] bytes = new byte[frames * channels * 2];
        for (int f = 0, i = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++, i += 2) {
                int v = (int) Math.round(Math.max(-1, Math.min(1, x[c][f])) * 32767);
                bytes[i] = (byte) v;
                bytes[i + 1] = (byte) (v >> 8);
            }
        }
        AudioFormat format = new AudioFormat(RATE, 16, channels, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(bytes), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
