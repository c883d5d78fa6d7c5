package org.segue.plugin.cli.demo.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.segue.api.command.Progress;

/**
 * The demo library, made on first use: a handful of synthesised tracks written as WAV files with
 * their title, artist and genre in a LIST/INFO chunk. The folder name carries the generator's
 * version, so a changed generator makes a new library instead of mixing old and new files.
 */
final class DemoLibrary {

    static final String VERSION = "v1";

    private DemoLibrary() {
    }

    static Path folder(Path cacheRoot) {
        return cacheRoot.resolve("demo-library-" + VERSION);
    }

    /** Makes the missing tracks; returns every track's file. */
    static List<Path> ensure(Path folder, Progress progress) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (DemoTrack t : DemoTrack.LIBRARY) {
            Path file = folder.resolve(t.file());
            if (!Files.isRegularFile(file)) {
                progress.status(t.title());
                write(file, t, new DemoSynth(t).render());
            }
            progress.advance(1);
            files.add(file);
        }
        return files;
    }

    private static void write(Path file, DemoTrack t, float[][] audio) throws IOException {
        byte[] info = info(t);
        int frames = audio[0].length;
        long data = frames * 4L;
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                ByteBuffer h = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
                h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (4 + 24 + info.length + 8 + data));
                h.put("WAVE".getBytes(StandardCharsets.US_ASCII));
                h.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                        .putInt(DemoSynth.RATE).putInt(DemoSynth.RATE * 4).putShort((short) 4).putShort((short) 16);
                out.write(h.array());
                out.write(info);
                ByteBuffer d = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                out.write(d.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data).array());
                byte[] block = new byte[4096 * 4];
                for (int i = 0; i < frames; ) {
                    int n = Math.min(4096, frames - i);
                    for (int k = 0; k < n; k++) {
                        for (int c = 0; c < 2; c++) {
                            int s = Math.round(Math.max(-1f, Math.min(1f, audio[c][i + k])) * 32767f);
                            block[4 * k + 2 * c] = (byte) s;
                            block[4 * k + 2 * c + 1] = (byte) (s >> 8);
                        }
                    }
                    out.write(block, 0, n * 4);
                    i += n;
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A LIST/INFO chunk with the title (INAM), artist (IART) and genre (IGNR). */
    private static byte[] info(DemoTrack t) {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(0).put("INFO".getBytes(StandardCharsets.US_ASCII));
        for (String[] kv : new String[][] {{"INAM", t.title()}, {"IART", DemoTrack.ARTIST}, {"IGNR", t.style()}}) {
            byte[] v = (kv[1] + "\0").getBytes(StandardCharsets.UTF_8);
            b.put(kv[0].getBytes(StandardCharsets.US_ASCII)).putInt(v.length).put(v);
            if (v.length % 2 == 1) {
                b.put((byte) 0);
            }
        }
        int length = b.position();
        b.putInt(4, length - 8);
        byte[] out = new byte[length];
        b.flip();
        b.get(out);
        return out;
    }
}
