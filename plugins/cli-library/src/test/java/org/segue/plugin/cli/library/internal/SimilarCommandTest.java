package org.segue.plugin.cli.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.command.Command;
import org.segue.api.testkit.CapturedCommandContext;

class SimilarCommandTest {

    @TempDir
    Path folder;

    private final MemoryLibrary library = new MemoryLibrary();
    private final SimilarCommand command = new SimilarCommand();

    @BeforeEach
    void fill() {
        command.library = library;
        Fixtures.add(library, "seed", "S", "Seed", 128, "8A", 0.5f, new float[] {1, 0, 0});
        Fixtures.add(library, "near", "N", "Near", 127, "8A", 0.5f, new float[] {0.9f, 0.1f, 0});
        Fixtures.add(library, "mid", "M", "Mid", 126, "9A", 0.5f, new float[] {0.5f, 0.5f, 0});
        Fixtures.add(library, "far", "F", "Far", 90, "1B", 0.5f, new float[] {0, 0, 1});
        Fixtures.add(library, "none", "X", "No embedding", 90, "1B", 0.5f, null);
    }

    @Test
    void listsTheNearestTracksWithoutItself() throws Exception {
        CapturedCommandContext ctx = new CapturedCommandContext(folder, "seed", "--limit", "2", "--bpm", "100-140");
        assertEquals(Command.OK, command.run(ctx), ctx.errors());
        assertEquals(3, library.lastK); // one more than asked: the track itself comes back first
        assertEquals(100, library.lastQuery.bpm().min());
        String[] lines = ctx.printed().split("\n");
        assertEquals(3, lines.length, ctx.printed());
        assertTrue(lines[0].startsWith("SIM   TITLE"), lines[0]);
        assertTrue(lines[1].startsWith("0.99  Near"), lines[1]);
        assertTrue(lines[2].startsWith("0.71  Mid"), lines[2]);
    }

    @Test
    void aFileNamesItsTrack() throws Exception {
        Path file = Files.writeString(folder.resolve("seed.flac"), "audio");
        Fixtures.add(library, LocalFiles.id(file).value(), "S", "Seed file", 128, "8A", 0.5f, new float[] {1, 0, 0});
        CapturedCommandContext ctx = new CapturedCommandContext(folder, "seed.flac", "--json", "--limit", "2");
        assertEquals(Command.OK, command.run(ctx), ctx.errors());
        assertTrue(ctx.printed().contains("\"title\" : \"Seed\""), ctx.printed()); // the other track with the same sound
        assertTrue(ctx.printed().contains("\"title\" : \"Near\""), ctx.printed());
        assertTrue(!ctx.printed().contains("Seed file"), ctx.printed());
        assertTrue(ctx.printed().contains("\"similarity\" : 1.0"), ctx.printed());
    }

    @Test
    void explainsWhatIsMissing() throws Exception {
        CapturedCommandContext unknown = new CapturedCommandContext(folder, "nope");
        assertEquals(Command.FAILURE, command.run(unknown));
        assertEquals("segue similar: nope is not in the library; add it with segue import\n", unknown.errors());
        CapturedCommandContext noEmbedding = new CapturedCommandContext(folder, "none");
        assertEquals(Command.FAILURE, command.run(noEmbedding));
        assertTrue(noEmbedding.errors().contains("none has no embedding"), noEmbedding.errors());
        CapturedCommandContext noTarget = new CapturedCommandContext(folder, "--limit", "3");
        assertEquals(Command.USAGE, command.run(noTarget));
        assertTrue(noTarget.errors().startsWith("segue similar: name one file or track id"), noTarget.errors());
    }
}
