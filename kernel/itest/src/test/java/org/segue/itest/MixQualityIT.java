package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.StandardResults;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixRequest;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;
import org.segue.api.mix.SetRequest;
import org.segue.api.testkit.AudioFiles;
import org.segue.api.testkit.Signal;

/**
 * The quality of rendered mixes, measured on the output of the real engine with the real plugins:
 * beat alignment across a transition, the true-peak ceiling, loudness per track, clean boundaries.
 */
class MixQualityIT {

    static final int RATE = 44100;

    @TempDir
    static Path work;
    static KernelFixture kernel;
    static MixEngine engine;
    static AnalysisService analysis;

    @BeforeAll
    static void boot() throws Exception {
        kernel = new KernelFixture(Files.createDirectories(work.resolve("home")));
        KernelFixture.await("the mix engine", Duration.ofSeconds(10),
                () -> kernel.context().getServiceReference(MixEngine.class) != null);
        engine = service(MixEngine.class);
        analysis = service(AnalysisService.class);
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    static <T> T service(Class<T> type) {
        ServiceReference<T> ref = kernel.context().getServiceReference(type);
        return kernel.context().getService(ref);
    }

    @Test
    void beatsOfBothTracksLineUpAcrossTheTransition() throws Exception {
        // Two click tracks a DJ would blend: 124 and 127 bpm, their clicks in different bands so the
        // output's onsets can be told apart.
        Path a = write(work.resolve("a.wav"), clicks(124, 90, 1000, 0.4, 1));
        Path b = write(work.resolve("b.wav"), clicks(127, 90, 5000, 0.55, 2));
        // A long blend, so both decks are audible with their clicks untouched by filters for bars.
        MixPlan plan = engine.plan(List.of(a, b), new MixRequest(SetRequest.defaults(), "segue.style.house-blend/1", 0));
        assertEquals("segue.style.house-blend/1", plan.transitions().get(0).styleId(), plan.transitions().get(0).explanation());
        assertTrue(plan.transitions().get(0).beatMatched(), plan.transitions().get(0).toString());
        MixResult mix = engine.render(plan, RenderOptions.to(work.resolve("ab.wav")), null);
        MixResult.Section incoming = mix.sections().get(1);
        float[] out = mono(AudioFiles.read(mix.audio()));
        // The first half of the transition, where both decks are audible whatever the style's fades.
        double from = incoming.startSeconds() + 1;
        double to = (incoming.startSeconds() + incoming.soloStartSeconds()) / 2;
        List<Double> low = onsets(bandEnergy(out, 1000), from, to);
        List<Double> high = onsets(bandEnergy(out, 5000), from, to);
        System.out.println("transition " + from + ".." + to + " s; outgoing clicks " + low.subList(0, Math.min(8, low.size()))
                + "; incoming clicks " + high.subList(0, Math.min(8, high.size())) + "; order " + mix.sections().get(0).title());
        assertTrue(low.size() > 8 && high.size() > 8, "clicks of both tracks in the transition: " + low.size() + ", " + high.size());
        double[] errors = new double[high.size()];
        for (int i = 0; i < high.size(); i++) {
            double t = high.get(i);
            errors[i] = low.stream().mapToDouble(x -> Math.abs(x - t)).min().orElse(1);
        }
        Arrays.sort(errors);
        double median = errors[errors.length / 2];
        double p90 = errors[(int) (errors.length * 0.9)];
        System.out.printf("beat alignment across the transition: median %.1f ms, 90th percentile %.1f ms, max %.1f ms over %d beats%n",
                median * 1000, p90 * 1000, errors[errors.length - 1] * 1000, errors.length);
        assertTrue(p90 <= 0.005, "90% of beats within 5 ms; median " + median * 1000 + " ms, p90 " + p90 * 1000 + " ms");
    }

    @Test
    void loudnessPeakAndBoundariesAreClean() throws Exception {
        // A quiet track and a loud one (about 10 dB apart, within the engine's 24 dB of gain): both
        // must come out at the target, under the ceiling.
        Path quiet = write(work.resolve("quiet.wav"), clicks(125, 80, 800, 0.1, 3, 0.8));
        Path loud = write(work.resolve("loud.wav"), clicks(126, 80, 2500, 0.35, 4, 0.8));
        MixPlan plan = engine.plan(List.of(quiet, loud), MixRequest.defaults());
        RenderOptions options = RenderOptions.to(work.resolve("ql.wav"));
        MixResult mix = engine.render(plan, options, null);
        Signal rendered = AudioFiles.read(mix.audio());

        double ceiling = Math.pow(10, options.ceilingDbtp() / 20);
        double peak = 0;
        for (float[] ch : rendered.audio()) {
            for (float v : ch) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        assertTrue(peak <= ceiling + 1.0 / 32768, "sample peak " + 20 * Math.log10(peak) + " dBFS above the ceiling");

        for (MixResult.Section s : mix.sections()) {
            Path part = write(work.resolve("section-" + s.trackId() + ".wav"), slice(rendered, s.soloStartSeconds() + 1, s.soloEndSeconds() - 1));
            Loudness l = analysis.analyze(part, false).results().get(StandardResults.LOUDNESS).orElseThrow();
            System.out.printf("section %s: %.2f LUFS (target %.1f), true peak %.2f dBTP%n", s.title(), l.integratedLufs(),
                    options.targetLufs(), l.truePeakDbtp());
            assertEquals(options.targetLufs(), l.integratedLufs(), 1.0, "loudness of " + s.title());
            assertTrue(l.truePeakDbtp() <= options.ceilingDbtp() + 0.1, "true peak of " + s.title() + ": " + l.truePeakDbtp());
        }

        // No digital silence inside the mix: a gap would show as a run of zeros.
        float[] m = mono(rendered);
        int zeros = 0;
        int longest = 0;
        for (int i = RATE; i < m.length - RATE; i++) {
            zeros = m[i] == 0 ? zeros + 1 : 0;
            longest = Math.max(longest, zeros);
        }
        assertTrue(longest < RATE / 20, "a gap of " + longest * 1000 / RATE + " ms inside the mix");
    }

    @Test
    void decksStartAndStopWithoutClicks() throws Exception {
        // Steady tones: any discontinuity where a deck enters or leaves stands out against the
        // smooth waveform, as a click would to a listener.
        Path low = write(work.resolve("tone-low.wav"), tone(40, 0.3, 220, 440));
        Path high = write(work.resolve("tone-high.wav"), tone(40, 0.3, 330, 495));
        MixPlan plan = engine.plan(List.of(low, high), MixRequest.defaults());
        MixResult mix = engine.render(plan, RenderOptions.to(work.resolve("tones.wav")), null);
        float[] m = mono(AudioFiles.read(mix.audio()));
        List<Double> boundaries = new ArrayList<>();
        for (MixResult.Section s : mix.sections()) {
            boundaries.add(s.startSeconds());
            boundaries.add(s.endSeconds());
        }
        boundaries.removeIf(t -> t < 0.2 || t > m.length / (double) RATE - 0.2);
        double steady = 0;
        for (int i = 1; i < m.length; i++) {
            double t = i / (double) RATE;
            if (boundaries.stream().noneMatch(b -> Math.abs(b - t) < 0.1)) {
                steady = Math.max(steady, Math.abs(m[i] - m[i - 1]));
            }
        }
        for (double b : boundaries) {
            double jump = 0;
            for (int i = Math.max(1, (int) ((b - 0.05) * RATE)); i < Math.min(m.length, (b + 0.05) * RATE); i++) {
                jump = Math.max(jump, Math.abs(m[i] - m[i - 1]));
            }
            System.out.printf("boundary at %.2f s: largest step %.4f, steady signal %.4f%n", b, jump, steady);
            assertTrue(jump <= 1.5 * steady, "a click where a deck enters or leaves at " + b + " s: step " + jump + " vs " + steady);
        }
    }

    /** A steady tone of two partials at {@code level}, fading in and out over 10 ms. */
    static Signal tone(double seconds, double level, double f1, double f2) {
        int n = (int) (seconds * RATE);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double env = Math.min(1, Math.min(i, n - 1 - i) / (0.01 * RATE));
            x[i] = (float) (level * env * (0.7 * Math.sin(2 * Math.PI * f1 * i / RATE) + 0.3 * Math.sin(2 * Math.PI * f2 * i / RATE)));
        }
        return new Signal(new float[][] {x, x.clone()}, RATE, new double[0], new double[0]);
    }

    /** A click track with a quiet pad under it, clicks at {@code hz}. */
    static Signal clicks(double bpm, double seconds, double hz, double level, long seed) {
        return clicks(bpm, seconds, hz, level, seed, 0.15);
    }

    /**
     * A click track with a sustained pad under it at {@code padShare} of the click level: a large
     * share makes music-like material whose crest factor leaves the limiter idle at the target.
     */
    static Signal clicks(double bpm, double seconds, double hz, double level, long seed, double padShare) {
        int n = (int) (seconds * RATE);
        float[] x = new float[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double beat = 60 / bpm;
        List<Double> beats = new ArrayList<>();
        for (double t = 0.5; t < seconds - 0.1; t += beat) {
            // Bars of four with an accented first beat, as 4/4 music has.
            double accent = beats.size() % 4 == 0 ? 1.0 : 0.6;
            beats.add(t);
            int start = (int) (t * RATE);
            for (int i = 0; i < 0.04 * RATE && start + i < n; i++) {
                x[start + i] += (float) (accent * level * Math.exp(-i / (0.006 * RATE)) * Math.sin(2 * Math.PI * hz * i / RATE));
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] += (float) (level * padShare * (Math.sin(2 * Math.PI * 110 * i / RATE) + 0.5 * Math.sin(2 * Math.PI * 220 * i / RATE))
                    + level * 0.01 * (random.nextDouble() - 0.5));
        }
        return new Signal(new float[][] {x, x.clone()}, RATE, beats.stream().mapToDouble(Double::doubleValue).toArray(), new double[0]);
    }

    /** Energy in a narrow band around {@code hz}, per 1 ms frame (a Goertzel filter per frame). */
    static double[] bandEnergy(float[] x, double hz) {
        int frame = RATE / 1000;
        int window = (int) (0.004 * RATE);
        double[] e = new double[x.length / frame];
        double w = 2 * Math.PI * hz / RATE;
        double coeff = 2 * Math.cos(w);
        for (int f = 0; f < e.length; f++) {
            double s1 = 0;
            double s2 = 0;
            for (int i = f * frame; i < Math.min(x.length, f * frame + window); i++) {
                double s = x[i] + coeff * s1 - s2;
                s2 = s1;
                s1 = s;
            }
            e[f] = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        }
        return e;
    }

    /**
     * Times (s) where the band energy rises through a quarter of its maximum within a second either
     * side (fades and EQ change the level, not the timing): the clicks' onsets.
     */
    static List<Double> onsets(double[] e, double from, double to) {
        List<Double> times = new ArrayList<>();
        int last = -1000;
        int a = (int) (from * 1000);
        int b = (int) Math.min(e.length, to * 1000);
        // A click must also stand well above the band's noise floor (its median level), so an
        // attenuated band does not turn noise into onsets.
        double[] sorted = Arrays.copyOfRange(e, a, b);
        Arrays.sort(sorted);
        double floor = 30 * sorted[sorted.length / 2];
        for (int f = a + 1; f < b; f++) {
            double max = 0;
            for (int k = Math.max(0, f - 1000); k < Math.min(e.length, f + 1000); k++) {
                max = Math.max(max, e[k]);
            }
            double threshold = Math.max(max * 0.25, floor);
            if (e[f] >= threshold && e[f - 1] < threshold && f - last > 100) {
                times.add(f / 1000.0);
                last = f;
            }
        }
        return times;
    }

    static float[] mono(Signal s) {
        float[] m = new float[s.audio()[0].length];
        for (float[] ch : s.audio()) {
            for (int i = 0; i < m.length; i++) {
                m[i] += ch[i] / s.audio().length;
            }
        }
        return m;
    }

    static Signal slice(Signal s, double from, double to) {
        int a = (int) (from * s.sampleRate());
        int b = (int) Math.min(s.audio()[0].length, to * s.sampleRate());
        float[][] out = new float[s.audio().length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Arrays.copyOfRange(s.audio()[c], a, b);
        }
        return new Signal(out, s.sampleRate(), new double[0], new double[0]);
    }

    static Path write(Path file, Signal s) throws IOException {
        return AnalyzeCommandIT.writeWav(file, s);
    }
}
