package org.segue.plugin.cli.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.LiveAnalysis;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.command.Command;
import org.segue.api.library.Track;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.CapturedCommandContext;

class ImportCommandTest {

    @TempDir
    Path folder;

    private final MemoryLibrary library = new MemoryLibrary();
    private final FakeAnalysis analysis = new FakeAnalysis();
    private final ImportCommand command = new ImportCommand();
    private CapturedCommandContext current;

    @BeforeEach
    void wire() throws IOException {
        command.library = library;
        command.analysis = analysis;
        command.opener = new AudioOpener() {
            @Override
            public PcmSource open(Path file) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TrackTags tags(Path file) {
                return new TrackTags("Artist", "Title of " + file.getFileName(), null, "house", null, null, Map.of());
            }
        };
        Files.writeString(folder.resolve("a.wav"), "aaa");
        Files.writeString(folder.resolve("b.flac"), "bbb");
        Files.writeString(folder.resolve("notes.txt"), "not audio");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/c.mp3"), "ccc");
    }

    @Test
    void importsAnalysesOnlyNewOrChangedFiles() throws Exception {
        assertEquals(Command.OK, run("."));
        assertEquals("3 added, 0 updated, 0 unchanged, 0 failed\n", current.printed());
        assertEquals(3, current.progressed());
        assertEquals(3, analysis.calls.get());
        Track a = library.track(LocalFiles.id(folder.resolve("a.wav"))).orElseThrow();
        assertEquals(folder.resolve("a.wav").toUri(), a.location());
        assertEquals(LocalFiles.contentHash(folder.resolve("a.wav")), a.contentHash());
        assertEquals("Title of a.wav", a.tags().title());
        assertEquals(42, a.durationSeconds());
        assertEquals(a.id().value(), library.analysis(a.id()).orElseThrow().trackId());
        assertEquals(128, library.analysis(a.id()).orElseThrow().get(StandardResults.TEMPO).orElseThrow().bpm());

        assertEquals(Command.OK, run(folder.toString()));
        assertEquals("0 added, 0 updated, 3 unchanged, 0 failed\n", current.printed());
        assertEquals(3, analysis.calls.get());

        Files.writeString(folder.resolve("b.flac"), "bbb, remastered");
        assertEquals(Command.OK, run("."));
        assertEquals("0 added, 1 updated, 2 unchanged, 0 failed\n", current.printed());
        assertEquals(4, analysis.calls.get());
        assertEquals(3, library.tracks.size());
    }

    @Test
    void anInterruptedImportContinuesOnTheNextRun() throws Exception {
        analysis.cancelAfter = 1;
        assertEquals(Command.FAILURE, run(".", "--jobs", "1"));
        assertEquals("1 added, 0 updated, 0 unchanged, 0 failed\n", current.printed());
        assertTrue(current.errors().contains("interrupted with 2 files to go; run it again to continue"), current.errors());
        analysis.cancelAfter = Integer.MAX_VALUE;
        assertEquals(Command.OK, run(".", "--jobs", "1"));
        assertEquals("2 added, 0 updated, 1 unchanged, 0 failed\n", current.printed());
        assertEquals(3, analysis.calls.get());
    }

    @Test
    void aFileThatFailsIsReportedAndTheRestImported() throws Exception {
        Files.writeString(folder.resolve("broken.ogg"), "broken");
        assertEquals(Command.FAILURE, run("."));
        assertEquals("3 added, 0 updated, 0 unchanged, 1 failed\n", current.printed());
        assertTrue(current.errors().contains("error: " + folder.resolve("broken.ogg") + ": not an audio file"), current.errors());
    }

    @Test
    void usageErrors() throws Exception {
        assertEquals(Command.USAGE, run());
        assertEquals(ImportCommand.USAGE_TEXT + "\n", current.errors());
        assertEquals(Command.USAGE, run(".", "--jobs", "none"));
        assertEquals(Command.USAGE, run(".", "--fast"));
        assertTrue(current.errors().startsWith("segue import: unknown option --fast"), current.errors());
        assertEquals(Command.FAILURE, run("missing"));
        assertTrue(current.errors().startsWith("segue import: no such file or folder"), current.errors());
    }

    private int run(String... args) throws Exception {
        current = new CapturedCommandContext(folder, args);
        analysis.context = current;
        return command.run(current);
    }

    /** Analysis that knows only tempo, fails on files named broken.*, and can stop the import. */
    static final class FakeAnalysis implements AnalysisService {
        final AtomicInteger calls = new AtomicInteger();
        volatile int cancelAfter = Integer.MAX_VALUE;
        volatile CapturedCommandContext context;

        @Override
        public TrackReport analyze(Path file) throws IOException {
            return analyze(file, true);
        }

        @Override
        public TrackReport analyze(Path file, boolean useCache) throws IOException {
            if (file.getFileName().toString().startsWith("broken")) {
                throw new IOException(file + ": not an audio file");
            }
            if (calls.incrementAndGet() >= cancelAfter) {
                context.cancel();
            }
            String hash = LocalFiles.contentHash(file).substring("sha256:".length());
            HexFormat.of().parseHex(hash);
            ResultMap results = new ResultMap(hash, 42);
            results.put(StandardResults.TEMPO, new Tempo(128, 1));
            return new TrackReport(file.toString(), hash, results, List.of(), false);
        }

        @Override
        public LiveAnalysis live(AudioFormat format) {
            throw new UnsupportedOperationException();
        }
    }
}
