package org.segue.plugin.planner.harmonic.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.segue.api.mix.EnergyArc;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetRequest;
import org.segue.api.mix.SetTrack;

/**
 * Dev harness, not a unit test: prints how long the planner takes (wall and CPU time, after a
 * warm-up) for 12 tracks (exact, default limit), 16 (exact, highest limit), 100, 300 and 500
 * (heuristic), with what the orders achieve. Run with
 * {@code ../../mvnw -o -q -B test -Dtest=PlannerTiming -Dsegue.eval.timing=true}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "segue.eval.timing", matches = "true")
class PlannerTiming {

    @Test
    void measure() {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        HarmonicPlanner planner = new HarmonicPlanner(PlannerSettings.DEFAULTS);
        HarmonicPlanner exact16 = new HarmonicPlanner(new PlannerSettings(0.4, 0.3, 0.3, 1, 0.1, 16));
        SetRequest request = new SetRequest(EnergyArc.WARM_UP_PEAK_COOL_DOWN, 1, null, 7);
        for (int i = 0; i < 3; i++) {
            planner.order(Tracks.random(200, i), request);
            exact16.order(Tracks.random(16, i), request);
        }
        for (int n : new int[] {12, 16, 100, 300, 500}) {
            List<SetTrack> tracks = Tracks.random(n, n);
            HarmonicPlanner p = n == 16 ? exact16 : planner;
            long wall = System.nanoTime();
            long start = cpu.getCurrentThreadCpuTime();
            SetOrder order = p.order(tracks, request);
            double cpuMs = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            double wallMs = (System.nanoTime() - wall) / 1e6;
            long sameArtist = order.transitions().stream().filter(t -> t.variety() == 0).count();
            long shifted = order.transitions().stream().filter(t -> t.pitchShiftSemitones() != 0).count();
            System.out.printf("%4d tracks: %7.1f ms wall %7.1f ms cpu  score %6.2f  mean H %.2f T %.2f E %.2f"
                    + "  shifted %d  same-artist pairs %d%n", n, wallMs, cpuMs, order.score(),
                    order.transitions().stream().mapToDouble(t -> t.harmonic()).average().orElse(0),
                    order.transitions().stream().mapToDouble(t -> t.tempo()).average().orElse(0),
                    order.transitions().stream().mapToDouble(t -> t.energy()).average().orElse(0), shifted, sameArtist);
        }
    }
}
