package org.segue.plugin.stretch.wsola.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.segue.api.mix.StretchProcessor;
import org.segue.api.testkit.Signals;

/** The audio methods must not allocate: measured with the JVM's per-thread allocation counter. */
class AllocationTest {

    private static final int RATE = 44100;
    private static final int BLOCK = 512;

    @Test
    void audioMethodsAllocateNothingAfterWarmUp() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
        threads.setThreadAllocatedMemoryEnabled(true);

        float[] music = Signals.mix(Signals.chord(RATE, 2, 0.4, 48, 55, 64),
                Signals.clicks(RATE, 2, 128, 4, 0.1)).audio()[0];
        float[][] in = {music, music};
        float[][] out = new float[2][BLOCK];
        StretchProcessor p = Driver.processor(RATE, 2, BLOCK);
        SplittableRandom random = new SplittableRandom(3);
        double[] speeds = random.doubles(1000, 0.5, 2).toArray();
        double[] pitches = random.doubles(1000, -12, 12).toArray();
        int[] sizes = random.ints(1000, 1, BLOCK + 1).toArray();
        cycles(p, in, out, speeds, pitches, sizes, 3000); // warm-up: JIT compiles the paths
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        cycles(p, in, out, speeds, pitches, sizes, 1000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        System.out.println("allocated in 1000 put/take cycles: " + allocated + " bytes");
        assertEquals(0, allocated, "bytes allocated by 1000 put/take cycles");
    }

    private static void cycles(StretchProcessor p, float[][] in, float[][] out, double[] speeds, double[] pitches,
            int[] sizes, int count) {
        int pos = 0;
        int n = in[0].length;
        for (int i = 0; i < count; i++) {
            int k = i % speeds.length;
            p.set(speeds[k], (k & 7) == 0 ? pitches[k] : 0);
            int want = sizes[k];
            int need = p.inputNeeded(want);
            while (need > 0) {
                int len = Math.min(Math.min(need, BLOCK), n - pos);
                p.put(in, pos, len);
                need -= len;
                pos = (pos + len) % (n - BLOCK);
            }
            p.available();
            p.take(out, 0, want);
            p.latencyFrames();
            if (i % 997 == 996) {
                p.reset();
            }
        }
    }
}
