package org.segue.plugin.cli.demo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.command.Progress;
import org.segue.api.testkit.CapturedCommandContext;

class DemoLibraryTest {

    @TempDir
    Path dir;

    /** Progress that goes nowhere: these tests check files, not the bar. */
    static final Progress QUIET = new CapturedCommandContext(Path.of(".")).progress("demo library", 0);

    @Test
    void theSameTrackIsSynthesisedBitForBitEveryTime() {
        DemoTrack t = DemoTrack.LIBRARY.get(0);
        float[][] a = new DemoSynth(t).render();
        float[][] b = new DemoSynth(t).render();
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        int bars = java.util.Arrays.stream(DemoSynth.SECTIONS).sum();
        assertEquals(bars * 4 * 60 / t.bpm() + 2, a[0].length / (double) DemoSynth.RATE, 0.01, "phrases plus a second either side");
    }

    @Test
    void theLibraryIsMadeOnceAsTaggedWavFiles() throws Exception {
        List<Path> files = DemoLibrary.ensure(dir, QUIET);
        assertEquals(DemoTrack.LIBRARY.size(), files.size());
        for (Path f : files) {
            byte[] head = new byte[12];
            try (var in = Files.newInputStream(f)) {
                in.readNBytes(head, 0, 12);
            }
            assertEquals("RIFF", new String(head, 0, 4, StandardCharsets.US_ASCII));
            assertEquals("WAVE", new String(head, 8, 4, StandardCharsets.US_ASCII));
            assertEquals(Files.size(f) - 8, ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(), "RIFF size");
            String all = new String(Files.readAllBytes(f), 0, 200, StandardCharsets.ISO_8859_1);
            assertTrue(all.contains("INAM") && all.contains(DemoTrack.ARTIST), "title and artist tags");
        }
        FileTime before = Files.getLastModifiedTime(files.get(0));
        Thread.sleep(20);
        DemoLibrary.ensure(dir, QUIET);
        assertEquals(before, Files.getLastModifiedTime(files.get(0)), "made once, then reused");
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files left");
    }
}
