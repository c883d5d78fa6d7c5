package org.segue.plugin.cli.analysis.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.TrackReport;
import org.segue.api.command.CommandContext;

/**
 * The memory bound of streaming analysis: writes a synthetic WAV of the given length (a click and
 * chord pattern repeated; 2 hours is 1.3 GB), analyses it without the cache and reports the peak
 * heap in use. Run it with a small heap (SEGUE_JAVA_OPTS=-Xmx256m) to prove the bound.
 */
final class LongFileBench {

    private LongFileBench() {
    }

    static int run(AnalysisService analysis, double hours, CommandContext ctx) throws IOException {
        Path file = Files.createTempFile("segue-long-", ".wav");
        try {
            long frames = write(file, hours);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long t0 = threads.getCurrentThreadCpuTime();
            TrackReport report = analysis.analyze(file, false);
            double cpu = (threads.getCurrentThreadCpuTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            double seconds = frames / 44100.0;
            ctx.out().printf(Locale.ROOT, "%.1f h file (%.2f GB): analysed in %.0f s CPU (%.0fx real time), "
                    + "peak heap %.0f MB of %.0f MB max, %d analyzer failures%n", seconds / 3600, Files.size(file) / 1e9, cpu,
                    seconds / cpu, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6, report.failures().size());
            report.failures().forEach(f -> ctx.err().println("  " + f.analyzerId() + ": " + f.reason()));
            return report.failures().isEmpty() ? 0 : 1;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes 16-bit stereo 44.1 kHz: 8 s of 124 bpm clicks over an A minor chord, repeated. */
    private static long write(Path file, double hours) throws IOException {
        int rate = 44100;
        int pattern = 8 * rate;
        byte[] block = new byte[pattern * 4];
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        double beat = 60 / 124.0;
        for (int i = 0; i < pattern; i++) {
            double t = i / (double) rate;
            double sinceBeat = t % beat;
            double v = 0.25 * (Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 261.63 * t) + Math.sin(2 * Math.PI * 329.63 * t)) / 3
                    + 0.6 * Math.exp(-sinceBeat / 0.02) * Math.sin(2 * Math.PI * 60 * sinceBeat);
            short s = (short) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
            b.putShort(s).putShort(s);
        }
        long repeats = Math.max(1, Math.round(hours * 3600 * rate / pattern));
        long data = repeats * block.length;
        if (data > 0xFFFF_FFFFL - 36) {
            throw new IOException("a WAV file holds at most about 6.7 hours at 44.1 kHz stereo 16-bit");
        }
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.put("RIFF".getBytes()).putInt((int) (36 + data)).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                    .putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4).putShort((short) 4)
                    .putShort((short) 16).put("data".getBytes()).putInt((int) data);
            out.write(h.array());
            for (long r = 0; r < repeats; r++) {
                out.write(block);
            }
        }
        return repeats * pattern;
    }
}
