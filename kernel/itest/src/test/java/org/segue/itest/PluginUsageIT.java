package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.testkit.Signals;

/**
 * The engines record the plugins' work in the real framework: after {@code segue analyze} and
 * {@code segue mix}, {@code segue stats} (another process, on the same play store) lists the
 * decoder, every analyzer, the set planner, the style, the stretcher and the effects by bundle
 * name, with uses and no failures; a cached analysis adds no use.
 */
class PluginUsageIT {

    static final String[] ANALYSIS = {"org.segue.plugin.decoder.wav", "org.segue.plugin.analyzer.loudness",
        "org.segue.plugin.analyzer.rhythm", "org.segue.plugin.analyzer.tonal", "org.segue.plugin.analyzer.timbre"};
    static final String[] MIXING = {"org.segue.plugin.planner.harmonic", "org.segue.plugin.style.classic",
        "org.segue.plugin.stretch.wsola", "org.segue.plugin.effect.core"};

    @TempDir
    Path work;

    @Test
    void analysisAndMixingShowUpInTheStatistics() throws Exception {
        Path a = AnalyzeCommandIT.writeWav(work.resolve("a.wav"), Signals.mix(Signals.clicks(44100, 40, 124, 4, 0.5),
                Signals.chord(44100, 40, 0.3, 57, 60, 64)).stereo());
        Path b = AnalyzeCommandIT.writeWav(work.resolve("b.wav"), Signals.mix(Signals.clicks(44100, 40, 126, 4, 0.5),
                Signals.chord(44100, 40, 0.3, 64, 67, 71)).stereo());

        SegueProcess.Result analyzed = segue("analyze", a.toString());
        assertEquals(0, analyzed.code(), analyzed.err());
        String stats = stats();
        for (String plugin : ANALYSIS) {
            assertEquals(1, uses(stats, plugin), plugin + " used once, by the one analysis:\n" + stats);
            assertEquals(0, failures(stats, plugin), stats);
        }

        SegueProcess.Result cached = segue("analyze", a.toString());
        assertEquals(0, cached.code(), cached.err());
        assertEquals(1, uses(stats(), ANALYSIS[1]), "a cached result is no plugin's work");

        SegueProcess.Result mixed = segue("mix", a.toString(), b.toString(), "-o", "mix.wav");
        assertEquals(0, mixed.code(), mixed.err());
        stats = stats();
        // b was analysed for the mix (a came from the cache): each analyzer twice in all.
        assertEquals(2, uses(stats, ANALYSIS[2]), stats);
        for (String plugin : MIXING) {
            assertTrue(uses(stats, plugin) >= 1, plugin + " worked in the mix:\n" + stats);
            assertEquals(0, failures(stats, plugin), stats);
        }
    }

    private String stats() throws Exception {
        SegueProcess.Result r = segue("stats");
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    /** The row of {@code segue stats}' plugin table: name, uses, failures, mean, p95, last failure. */
    private static String[] row(String stats, String plugin) {
        for (String line : stats.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 3 && cells[0].equals(plugin)) {
                return cells;
            }
        }
        return null;
    }

    private static long uses(String stats, String plugin) {
        String[] row = row(stats, plugin);
        assertNotNull(row, plugin + " is not in the statistics:\n" + stats);
        return Long.parseLong(row[1]);
    }

    private static long failures(String stats, String plugin) {
        return Long.parseLong(row(stats, plugin)[2]);
    }

    private SegueProcess.Result segue(String... args) throws Exception {
        return SegueProcess.run(KernelFixture.DIST, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()), args);
    }
}
